using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VibeCrm.Data.Crm;
using VibeCrm.Data.Tenants;
using VibeCrm.IntegrationTests.Infrastructure;
using VibeCrm.Tenancy;
using VibeCrm.Web.Features.Imports;

namespace VibeCrm.IntegrationTests.Imports;

/// <summary>Shortcuts for import tests: upload text, map, start and run the job in the test (no job server).</summary>
public static class ImportTestKit
{
    public static Task<(VibeCrm.Web.Features.CommandResult Result, int? Id)> UploadAsync(this VibeCrmFactory factory, TenantInfo tenant, string csv, ImportKind kind = ImportKind.Customers) =>
        factory.InTenantAsync(tenant, async sp =>
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
            var owner = await sp.GetRequiredService<TenantDbContext>().Users.Select(u => u.Id).FirstAsync();
            return await sp.GetRequiredService<ImportService>().UploadAsync(kind, "people.csv", stream, owner, CancellationToken.None);
        });

    /// <summary>Uploads, keeps the suggested mapping (or <paramref name="targets"/>), starts and runs the job; returns the finished import.</summary>
    public static async Task<ImportJob> ImportAsync(this VibeCrmFactory factory, TenantInfo tenant, string csv, bool validRowsOnly = false, ImportKind kind = ImportKind.Customers, string[]? targets = null)
    {
        var (result, id) = await factory.UploadAsync(tenant, csv, kind);
        Assert.True(result.Succeeded, result.Error);
        await factory.MapAndStartAsync(tenant, id!.Value, validRowsOnly, targets);
        await factory.RunJobAsync(tenant, id.Value);
        return await factory.JobAsync(tenant, id.Value);
    }

    public static Task MapAndStartAsync(this VibeCrmFactory factory, TenantInfo tenant, int id, bool validRowsOnly, string[]? targets = null) =>
        factory.InTenantAsync(tenant, async sp =>
        {
            var imports = sp.GetRequiredService<ImportService>();
            var view = await imports.MappingAsync(id, CancellationToken.None);
            var mapped = await imports.SaveMappingAsync(id, targets ?? view!.Mapping.Targets, CancellationToken.None);
            Assert.True(mapped.Succeeded, mapped.Error);
            var started = await imports.StartAsync(id, validRowsOnly, CancellationToken.None);
            Assert.True(started.Succeeded, started.Error);
            return 0;
        });

    public static Task RunJobAsync(this VibeCrmFactory factory, TenantInfo tenant, int id) =>
        factory.InTenantAsync(tenant, async sp =>
        {
            await sp.GetRequiredService<ImportJobRunner>().RunAsync(id, CancellationToken.None);
            return 0;
        });

    public static Task<ImportJob> JobAsync(this VibeCrmFactory factory, TenantInfo tenant, int id) =>
        factory.InTenantAsync(tenant, sp => sp.GetRequiredService<TenantDbContext>().ImportJobs.AsNoTracking().SingleAsync(j => j.Id == id));

    public static Task<List<Customer>> CustomersAsync(this VibeCrmFactory factory, TenantInfo tenant) =>
        factory.InTenantAsync(tenant, sp => sp.GetRequiredService<TenantDbContext>().Customers.AsNoTracking()
            .Include(c => c.Tags).Include(c => c.CustomValues).OrderBy(c => c.Id).ToListAsync());

    public static Task<T> DbAsync<T>(this VibeCrmFactory factory, TenantInfo tenant, Func<TenantDbContext, Task<T>> action) =>
        factory.InTenantAsync(tenant, sp => action(sp.GetRequiredService<TenantDbContext>()));

    public static Task<int> AddCustomerAsync(this VibeCrmFactory factory, TenantInfo tenant, string first, string last, string? email, string? phone, Action<Customer>? more = null) =>
        factory.DbAsync(tenant, async db =>
        {
            var customer = new Customer
            {
                FirstName = first,
                LastName = last,
                Email = email,
                NormalizedEmail = email?.ToLowerInvariant(),
                Phone = phone,
                SearchName = $"{first} {last}".ToLowerInvariant(),
                SearchLastName = $"{last} {first}".ToLowerInvariant(),
                CreatedAt = DateTimeOffset.UtcNow,
                UpdatedAt = DateTimeOffset.UtcNow,
            };
            more?.Invoke(customer);
            db.Customers.Add(customer);
            await db.SaveChangesAsync();
            return customer.Id;
        });

    /// <summary>An error file read back: row, field, reason and the original values.</summary>
    public static List<string[]> ReadCsv(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
        var rows = new List<string[]>();
        using var reader = CsvHelper.CsvReader.FromText(text, new CsvHelper.CsvReaderOptions { Separator = ',', HasHeader = false });
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)]);
        }

        return rows;
    }
}
