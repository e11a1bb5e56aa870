using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VibeCrm.Data;
using VibeCrm.Data.Crm;
using VibeCrm.Data.Identity;
using VibeCrm.Data.Tenants;
using VibeCrm.Tenancy;
using VibeCrm.Web.Features.Customers;

namespace VibeCrm.Benchmarks;

/// <summary>
/// Customer search and list on SQLite at N customers: seeds a tenant database once with <see cref="CustomerSeeder"/>
/// (cached under artifacts/bench), then times <see cref="CustomerQueries.ListAsync"/> — the whole call the page makes:
/// capped count, page, tags and owners — for each scenario, against a primary-key lookup measured in the same run.
/// </summary>
public static class CustomerSearchBenchmark
{
    private sealed record Scenario(string Name, Func<int, CustomerListQuery> Query);

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var size = IntOption(args, "--size", 100_000);
        var runs = IntOption(args, "--runs", 200);
        var showPlans = args.Contains("--plans");
        var root = RepositoryRoot();
        var folder = Path.Combine(root, "artifacts", "bench");
        var locator = new DatabaseLocator(Options.Create(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, DataFolder = folder }), root);
        locator.EnsureFolders();
        var tenant = new TenantInfo("bench", "bench", "Bench Café", TenantState.Active, "Europe/Paris", "EUR", $"customers-{size}");
        var factory = new TenantDbContextFactory(locator);
        var accessor = new TenantContextAccessor();
        using var scope = accessor.BeginScope(tenant);

        output.WriteLine($"# Customer search and list, SQLite, {size:N0} customers, {runs} runs per scenario");
        output.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, SQLite {SqliteVersion()}, load average at start {LoadAverage()}");
        await EnsureSeededAsync(locator, factory, accessor, tenant, size, output);

        var capture = new CommandCapture();
        var options = new DbContextOptionsBuilder<TenantDbContext>();
        locator.Configure(options, locator.TenantConnectionString(tenant.DatabaseName));
        options.AddInterceptors(capture);
        var ids = new Random(7);
        var names = new[] { "mar", "dup", "ber", "lef", "mor", "tho", "gir", "fra", "lau", "cla" };
        var emails = new[] { "jean.m", "marie.d", "sophie", "lucas.b", "camille", "nicolas.r", "julie", "thomas.g" };
        var phones = new[] { "06 12 3", "+33 7 45", "0645", "07 88 1", "+336 20", "06 99 4" };
        var scenarios = new List<Scenario>
        {
            new("list, newest first (page 1)", _ => new CustomerListQuery()),
            new("search name prefix (3 letters)", i => new CustomerListQuery { Q = names[i % names.Length] }),
            new("search name prefix (1 letter, worst case)", i => new CustomerListQuery { Q = ((char)('a' + (i % 26))).ToString() }),
            new("search name prefix sorted by name (explicit)", i => new CustomerListQuery { Q = names[i % names.Length], Sort = "name" }),
            new("search full name \"marie dub\"", _ => new CustomerListQuery { Q = "marie dub" }),
            new("search email prefix", i => new CustomerListQuery { Q = emails[i % emails.Length] }),
            new("search email with @", _ => new CustomerListQuery { Q = "marie.dupont@" }),
            new("search phone prefix", i => new CustomerListQuery { Q = phones[i % phones.Length] }),
            new("search tag \"#vip\"", _ => new CustomerListQuery { Q = "#vip" }),
            new("filter status+tag, by last activity (page 1)", _ => new CustomerListQuery { Status = CustomerStatus.Active, Tag = "vip", Sort = "activity", Dir = "desc" }),
            new("filter status+tag, by last activity (page 50)", _ => new CustomerListQuery { Status = CustomerStatus.Active, Tag = "vip", Sort = "activity", Dir = "desc", Page = 50 }),
            new("filter tag regular, by name (page 1)", _ => new CustomerListQuery { Tag = "regular", Sort = "name" }),
        };

        // Baseline: a primary-key lookup through the same context type, same connection pool.
        var baseline = await MeasureAsync(runs, async i =>
        {
            await using var db = new TenantDbContext(options.Options);
            var id = ids.Next(1, size + 1);
            _ = await db.Customers.AsNoTracking().Where(c => c.Id == id).Select(c => c.FirstName).FirstOrDefaultAsync();
        });
        output.WriteLine();
        output.WriteLine("| scenario | rows (total) | p50 ms | p95 ms | p50 / baseline |");
        output.WriteLine("|---|---:|---:|---:|---:|");
        output.WriteLine($"| baseline: primary-key lookup | 1 | {baseline.P50:F2} | {baseline.P95:F2} | 1 |");

        var slowest = (Name: "", P95: 0.0, Commands: new List<DbCommandSnapshot>());
        foreach (var scenario in scenarios)
        {
            CustomerPage? last = null;
            var result = await MeasureAsync(runs, async i =>
            {
                await using var db = new TenantDbContext(options.Options);
                last = await new CustomerQueries(db, accessor).ListAsync(scenario.Query(i), CancellationToken.None);
            });
            capture.Clear();
            await using (var db = new TenantDbContext(options.Options))
            {
                await new CustomerQueries(db, accessor).ListAsync(scenario.Query(0), CancellationToken.None);
            }

            var total = last is null ? "" : (last.TotalIsCapped ? $"{CustomerQueries.CountCap:N0}+" : last.Total.ToString("N0", CultureInfo.InvariantCulture));
            output.WriteLine($"| {scenario.Name} | {last?.Rows.Count} ({total}) | {result.P50:F2} | {result.P95:F2} | {result.P50 / baseline.P50:F0} |");
            if (result.P95 > slowest.P95)
            {
                slowest = (scenario.Name, result.P95, capture.Commands.ToList());
            }

            if (showPlans)
            {
                await PrintPlansAsync(locator, tenant, scenario.Name, capture.Commands, output);
            }
        }

        output.WriteLine();
        output.WriteLine($"load average at end {LoadAverage()}");
        output.WriteLine($"Slowest by p95: {slowest.Name} ({slowest.P95:F1} ms).");
        await PrintPlansAsync(locator, tenant, slowest.Name, slowest.Commands, output);
        return 0;
    }

    private static async Task EnsureSeededAsync(DatabaseLocator locator, TenantDbContextFactory factory, ITenantContextAccessor accessor, TenantInfo tenant, int size, TextWriter output)
    {
        var file = locator.TenantFile(tenant.DatabaseName);
        if (File.Exists(file))
        {
            await using var existing = factory.Create(tenant);
            var count = await existing.Customers.CountAsync();
            if (count == size)
            {
                output.WriteLine($"seed: reusing {file} ({count:N0} customers)");
                return;
            }

            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }

        await using (var db = factory.Create(tenant, allowCreate: true))
        {
            await db.Database.MigrateAsync();
            foreach (var (first, last) in new[] { ("Marco", "Rossi"), ("Aisha", "Karimi"), ("Tom", "Becker") })
            {
                var email = $"{first.ToLowerInvariant()}@bench.test";
                db.Users.Add(new AppUser { Kind = AccountKind.Staff, FirstName = first, LastName = last, Email = email, UserName = AppUser.UserNameFor(AccountKind.Staff, email), CreatedAt = DateTimeOffset.UtcNow });
            }

            await db.SaveChangesAsync();
        }

        var seeder = new CustomerSeeder(factory, accessor, TimeProvider.System, NullLogger<CustomerSeeder>.Instance);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var took = await seeder.SeedAsync(tenant, size, seed: 42, CancellationToken.None);
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        output.WriteLine($"seed: {size:N0} customers in {took.TotalSeconds:F1} s wall, {cpu.TotalSeconds:F1} s CPU ({size / took.TotalSeconds:N0} customers/s), file {new FileInfo(file).Length / 1024 / 1024:N0} MB, load average {LoadAverage()}");
    }

    private static async Task<(double P50, double P95)> MeasureAsync(int runs, Func<int, Task> action)
    {
        for (var i = 0; i < Math.Min(20, runs); i++)
        {
            await action(i); // warm-up: JIT, EF query cache, SQLite page cache
        }

        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await action(i);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(times);
        return (Percentile(times, 0.50), Percentile(times, 0.95));
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static async Task PrintPlansAsync(DatabaseLocator locator, TenantInfo tenant, string name, IReadOnlyList<DbCommandSnapshot> commands, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"EXPLAIN QUERY PLAN — {name}");
        await using var connection = new SqliteConnection(locator.TenantConnectionString(tenant.DatabaseName));
        await connection.OpenAsync();
        foreach (var command in commands)
        {
            output.WriteLine("```sql");
            output.WriteLine(command.Sql.Trim());
            output.WriteLine("```");
            await using var explain = connection.CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + command.Sql;
            foreach (var (parameter, value) in command.Parameters)
            {
                explain.Parameters.AddWithValue(parameter, value ?? DBNull.Value);
            }

            await using var reader = await explain.ExecuteReaderAsync();
            output.WriteLine("```");
            while (await reader.ReadAsync())
            {
                output.WriteLine($"{reader.GetInt32(0),3} {reader.GetInt32(1),3}  {reader.GetString(3)}");
            }

            output.WriteLine("```");
        }
    }

    /// <summary>The 1-minute load average (Linux): other work on the machine skews absolute times, not the ratios as much.</summary>
    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    private static string SqliteVersion()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "select sqlite_version()";
        return (string)command.ExecuteScalar()!;
    }

    internal static int IntOption(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "VibeCrm.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }

    private sealed record DbCommandSnapshot(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters);

    /// <summary>Keeps the SQL and parameters of the commands a scenario ran, to explain them afterwards.</summary>
    private sealed class CommandCapture : DbCommandInterceptor
    {
        private readonly List<DbCommandSnapshot> _commands = [];

        public IReadOnlyList<DbCommandSnapshot> Commands
        {
            get
            {
                lock (_commands)
                {
                    return [.. _commands];
                }
            }
        }

        public void Clear()
        {
            lock (_commands)
            {
                _commands.Clear();
            }
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            lock (_commands)
            {
                if (_commands.Count < 16)
                {
                    _commands.Add(new DbCommandSnapshot(command.CommandText, [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value))]));
                }
            }

            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
