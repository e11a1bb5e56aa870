using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Bogus;
using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Crm;
using VibeCrm.Data.Identity;
using VibeCrm.Data.Tenants;
using VibeCrm.Tenancy;

namespace VibeCrm.Web.Features.Customers;

/// <summary>
/// Realistic demo customers for a French café (Bogus, locale fr): tags, owners among the staff, two years of sign-ups,
/// some birthdays and social handles. Written in batches of <see cref="BatchSize"/> through a context made by
/// <see cref="TenantDbContextFactory"/>, which has no audit interceptor: on SQLite with prepared ADO.NET inserts,
/// one transaction per batch (a million customers in a minute or two), elsewhere with EF AddRange.
/// </summary>
public sealed partial class CustomerSeeder(TenantDbContextFactory factory, ITenantContextAccessor tenants, TimeProvider clock, ILogger<CustomerSeeder> logger)
{
    public const int BatchSize = 5_000;

    private static readonly (string Tag, double Share)[] TagShares =
    [
        ("regular", 0.30), ("office", 0.20), ("student", 0.15), ("takeaway", 0.12), ("vegan", 0.10), ("brunch", 0.08), ("vip", 0.05),
    ];

    private static readonly string[] Domains = ["gmail.com", "orange.fr", "free.fr", "laposte.net", "hotmail.fr", "yahoo.fr", "outlook.fr", "sfr.fr", "icloud.com"];

    private static readonly string[] Categories = ["coffee", "tea", "pastries", "sandwiches", "salads", "cakes", "brunch", "juices"];

    /// <summary>Adds <paramref name="count"/> customers to the tenant in scope.</summary>
    public Task SeedAsync(int count, CancellationToken cancellationToken) => SeedAsync(tenants.RequireTenant(), count, seed: 20261124, cancellationToken);

    /// <summary>Adds <paramref name="count"/> customers to <paramref name="tenant"/>; the same seed gives the same people.</summary>
    public async Task<TimeSpan> SeedAsync(TenantInfo tenant, int count, int seed, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        await using var db = factory.Create(tenant);
        var staff = await db.Users.AsNoTracking().Where(u => u.Kind == AccountKind.Staff && u.IsActive).Select(u => u.Id).OrderBy(id => id).ToListAsync(cancellationToken);
        var faker = new Faker("fr") { Random = new Randomizer(seed) };
        var now = clock.GetUtcNow();

        if (db.Database.IsSqlite())
        {
            await InsertWithAdoAsync(db, count, () => Generate(faker, staff, now), cancellationToken);
        }
        else
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var done = 0; done < count; done += BatchSize)
            {
                var batch = Enumerable.Range(0, Math.Min(BatchSize, count - done)).Select(_ => Generate(faker, staff, now)).ToList();
                db.Customers.AddRange(batch);
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
        }

        LogSeeded(logger, count, tenant.Identifier, watch.ElapsedMilliseconds);
        return watch.Elapsed;
    }

    private static Customer Generate(Faker f, List<string> staff, DateTimeOffset now)
    {
        var first = f.Name.FirstName();
        var last = f.Name.LastName();
        var created = now.AddMinutes(-f.Random.Int(0, 2 * 365 * 24 * 60));
        var local = Ascii(first) + f.PickRandom(".", "_", "") + Ascii(last) + (f.Random.Bool(0.4f) ? f.Random.Int(1, 999).ToString(CultureInfo.InvariantCulture) : "");
        var email = f.Random.Bool(0.85f) ? $"{local}@{f.PickRandom(Domains)}" : null;
        var phone = f.Random.Bool(0.75f) ? "+33" + f.PickRandom("6", "7") + f.Random.ReplaceNumbers("########") : null;
        var customer = new Customer
        {
            FirstName = first,
            LastName = last,
            SearchName = ContactRules.SearchKey(first, last),
            SearchLastName = ContactRules.SearchKey(last, first),
            Email = email,
            NormalizedEmail = email?.ToLowerInvariant(),
            Phone = phone,
            Birthday = f.Random.Bool(0.4f) ? DateOnly.FromDateTime(f.Date.Between(new DateTime(1950, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2008, 12, 31, 0, 0, 0, DateTimeKind.Utc))) : null,
            City = f.Random.Bool(0.5f) ? f.Address.City() : null,
            PostalCode = f.Random.Bool(0.5f) ? f.Address.ZipCode("#####") : null,
            Country = f.Random.Bool(0.6f) ? "FR" : null,
            Language = f.Random.WeightedRandom(["fr", "en", null], [0.75f, 0.10f, 0.15f]),
            PreferredChannel = f.Random.Bool(0.5f) ? f.PickRandom<ContactChannel>() : null,
            PreferredCategories = f.Random.Bool(0.3f) ? string.Join(", ", f.Random.Shuffle(Categories).Take(f.Random.Int(1, 3))) : null,
            Instagram = f.Random.Bool(0.15f) ? local.Replace("-", "", StringComparison.Ordinal) : null,
            TikTok = f.Random.Bool(0.05f) ? local.Replace("-", "", StringComparison.Ordinal) : null,
            Notes = f.Random.Bool(0.05f) ? f.PickRandom("Prefers oat milk.", "Allergic to nuts.", "Comes in every morning before work.", "Asked about catering for office events.", "Birthday cake ordered last year.") : null,
            OwnerUserId = staff.Count > 0 && f.Random.Bool(0.4f) ? f.PickRandom(staff) : null,
            Status = f.Random.WeightedRandom([CustomerStatus.Active, CustomerStatus.Inactive, CustomerStatus.Blocked], [0.88f, 0.09f, 0.03f]),
            CreatedAt = created,
            UpdatedAt = created,
            LastActivityAt = f.Random.Bool(0.9f) ? created + (now - created) * f.Random.Double() : null,
            ConcurrencyStamp = f.Random.Hash(32),
        };
        foreach (var (tag, share) in TagShares)
        {
            if (f.Random.Double() < share)
            {
                customer.Tags.Add(new CustomerTag { Tag = tag });
            }
        }

        return customer;
    }

    private static string Ascii(string name) => ContactRules.SearchKey(name).Replace(" ", "", StringComparison.Ordinal).Replace("'", "", StringComparison.Ordinal);

    /// <summary>Prepared inserts with explicit ids, one transaction per batch; values converted as the model stores them on SQLite.</summary>
    private static async Task InsertWithAdoAsync(TenantDbContext db, int count, Func<Customer> next, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA cache_size = -262144;"; // 256 MB for this connection: index pages stay in memory
            await pragma.ExecuteNonQueryAsync(cancellationToken);
        }

        long nextId;
        await using (var max = connection.CreateCommand())
        {
            max.CommandText = "SELECT COALESCE(MAX(\"Id\"), 0) FROM \"Customers\"";
            nextId = Convert.ToInt64(await max.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) + 1;
        }

        string[] columns =
        [
            "Id", "FirstName", "LastName", "SearchName", "SearchLastName", "Email", "NormalizedEmail", "Phone", "Birthday", "City", "PostalCode",
            "Country", "Language", "PreferredChannel", "PreferredCategories", "Instagram", "TikTok", "Notes", "OwnerUserId", "Status",
            "CreatedAt", "UpdatedAt", "LastActivityAt", "ConcurrencyStamp",
        ];
        for (var done = 0; done < count; done += BatchSize)
        {
            var size = Math.Min(BatchSize, count - done);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var insert = Command(connection, transaction, "Customers", columns);
            await using var tag = Command(connection, transaction, "CustomerTags", ["CustomerId", "Tag"]);
            for (var i = 0; i < size; i++)
            {
                var c = next();
                var id = nextId++;
                object?[] values =
                [
                    id, c.FirstName, c.LastName, c.SearchName, c.SearchLastName, c.Email, c.NormalizedEmail, c.Phone,
                    c.Birthday?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), c.City, c.PostalCode, c.Country, c.Language,
                    c.PreferredChannel?.ToString(), c.PreferredCategories, c.Instagram, c.TikTok, c.Notes, c.OwnerUserId, c.Status.ToString(),
                    c.CreatedAt.UtcTicks, c.UpdatedAt.UtcTicks, c.LastActivityAt?.UtcTicks, c.ConcurrencyStamp,
                ];
                for (var p = 0; p < values.Length; p++)
                {
                    insert.Parameters[p].Value = values[p] ?? DBNull.Value;
                }

                await insert.ExecuteNonQueryAsync(cancellationToken);
                foreach (var t in c.Tags)
                {
                    tag.Parameters[0].Value = id;
                    tag.Parameters[1].Value = t.Tag;
                    await tag.ExecuteNonQueryAsync(cancellationToken);
                }
            }

            await transaction.CommitAsync(cancellationToken);
        }

        // Fold the write-ahead log into the database file, so reads are served by the memory map.
        await using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        await checkpoint.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string table, string[] columns)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)))})";
        for (var i = 0; i < columns.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "$p" + i.ToString(CultureInfo.InvariantCulture);
            command.Parameters.Add(parameter);
        }

        command.Prepare();
        return command;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {Count} customers into {Tenant} in {Milliseconds} ms")]
    private static partial void LogSeeded(ILogger logger, int count, string tenant, long milliseconds);
}
