using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VibeCrm.Data;
using VibeCrm.Data.Crm;
using VibeCrm.Data.Loyalty;
using VibeCrm.Data.Tenants;
using VibeCrm.Tenancy;
using VibeCrm.Web.Features.Loyalty;
using VibeCrm.Web.Features.PosApi;
using VibeCrm.Web.Features.Tenants;

namespace VibeCrm.Benchmarks;

/// <summary>
/// Purchases recorded per second through the POS API (real Kestrel on loopback, concurrent HTTP clients, a unique
/// Idempotency-Key and receipt id per call) against the raw SQLite insert rate of the same rows — purchase, lines, ledger
/// entry, lot, allocation — written with prepared ADO.NET commands in one transaction per purchase, into the same tenant
/// database file with the same connection settings, measured in the same run.
/// </summary>
public static partial class PurchaseApiBenchmark
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var seconds = IntOption(args, "--seconds", 20);
        var clients = IntOption(args, "--clients", 16);
        var members = IntOption(args, "--members", 200);
        var lines = IntOption(args, "--lines", 3);
        var folder = Path.Combine(Path.GetTempPath(), "vibecrm-bench-purchases", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            await using var host = new BenchHost(folder);
            host.UseKestrel(0);
            host.StartServer();
            var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
                .Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal);
            var setup = await SetupAsync(host, members);
            output.WriteLine($"# POS API purchases, {clients} concurrent clients, {seconds} s per phase, {members} members, {lines} lines per purchase");
            output.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, load average at start {LoadAverage()}");

            var engine = await MeasureEngineAsync(host, setup, TimeSpan.FromSeconds(Math.Max(5, seconds / 2)), lines);
            var api = await MeasureApiAsync(address, setup, clients, TimeSpan.FromSeconds(seconds), lines);
            var wrk = await MeasureWithWrkAsync(address, setup, clients, TimeSpan.FromSeconds(seconds), lines);
            var check = await host.InTenantAsync(setup.Tenant, async sp =>
            {
                var db = sp.GetRequiredService<TenantDbContext>();
                return (Purchases: await db.Purchases.CountAsync(p => p.ExternalId.StartsWith("api-") || p.ExternalId.StartsWith("wrk-")), Breaches: (await sp.GetRequiredService<LedgerInvariants>().CheckAsync(CancellationToken.None)).Count);
            });

            // the raw rows do not update the cached balances: the invariant check above must run first
            var raw = await MeasureRawAsync(host, setup, TimeSpan.FromSeconds(Math.Max(5, seconds / 2)), lines, allRows: true);
            var rawLedgerOnly = await MeasureRawAsync(host, setup, TimeSpan.FromSeconds(Math.Max(5, seconds / 2)), lines, allRows: false);

            output.WriteLine();
            output.WriteLine("| phase | purchases | seconds | purchases/s | p50 ms | p95 ms | CPU ms per purchase | cores busy |");
            output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
            output.WriteLine($"| raw SQLite, the rows the API writes (1 connection, 1 transaction per purchase) | {raw.Count:N0} | {raw.Seconds:F1} | {raw.Rate:F0} | {raw.P50:F2} | {raw.P95:F2} | {raw.Cpu} |");
            output.WriteLine($"| raw SQLite, ledger rows only (no balance update, no stored response) | {rawLedgerOnly.Count:N0} | {rawLedgerOnly.Seconds:F1} | {rawLedgerOnly.Rate:F0} | {rawLedgerOnly.P50:F2} | {rawLedgerOnly.P95:F2} | {rawLedgerOnly.Cpu} |");
            output.WriteLine($"| engine only: PurchaseRecorder in process (1 caller, no HTTP) | {engine.Count:N0} | {engine.Seconds:F1} | {engine.Rate:F0} | {engine.P50:F2} | {engine.P95:F2} | {engine.Cpu} |");
            output.WriteLine($"| POS API over HTTP ({clients} clients) | {api.Count:N0} | {api.Seconds:F1} | {api.Rate:F0} | {api.P50:F2} | {api.P95:F2} | {api.Cpu} |");
            if (wrk is not null)
            {
                output.WriteLine($"| POS API over HTTP, wrk ({clients} connections, 2 threads; CPU of this process only) | {wrk.Count:N0} | {wrk.Seconds:F1} | {wrk.Rate:F0} | {wrk.P50:F2} | {wrk.P95:F2} | {wrk.Cpu} |");
            }

            output.WriteLine();
            output.WriteLine($"ratio API / raw (the rows the API writes): {api.Rate / raw.Rate:P0} (target >= 40%); against the ledger rows only: {api.Rate / rawLedgerOnly.Rate:P0}");
            if (wrk is not null)
            {
                output.WriteLine($"ratio API driven by wrk / raw (the rows the API writes): {wrk.Rate / raw.Rate:P0}; against the ledger rows only: {wrk.Rate / rawLedgerOnly.Rate:P0}");
            }
            else
            {
                output.WriteLine("wrk is not installed: the wrk phase was skipped");
            }

            output.WriteLine($"checks: failed API calls: {api.Failures + (wrk?.Failures ?? 0)}; purchases in the database from the API: {check.Purchases:N0}; ledger invariant breaches: {check.Breaches}");
            output.WriteLine($"warm-up before each phase (engine, API, raw), until the JIT settled: {string.Join(", ", WarmUpSeconds.Select(w => $"{w:F1} s"))}");
            output.WriteLine($"load average at end {LoadAverage()}");
            return api.Failures == 0 && (wrk?.Failures ?? 0) == 0 && check.Breaches == 0 ? 0 : 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // temp folder; the OS cleans it
            }
        }
    }

    private sealed record Setup(TenantInfo Tenant, int ProgramId, IReadOnlyList<int> MembershipIds, string Key);

    /// <param name="CpuSeconds">CPU time of the whole process (server, clients, database) during the phase.</param>
    private sealed record Result(int Count, double Seconds, double P50, double P95, int Failures, double CpuSeconds)
    {
        public double Rate => Count / Seconds;

        /// <summary>CPU milliseconds per purchase, and the cores kept busy.</summary>
        public string Cpu => $"{CpuSeconds * 1000 / Math.Max(1, Count):F2} | {CpuSeconds / Seconds:F2}";
    }

    private static double CpuNow() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    private static async Task<Setup> SetupAsync(BenchHost host, int members)
    {
        TenantInfo tenant;
        using (var scope = host.Services.CreateScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<TenantProvisioner>().ProvisionAsync(
                new NewTenant("Bench Café", "bench-cafe", "owner@bench.test", "Bench-pass-2026", "Olivia", "Owner", "Europe/Paris", "EUR"), CancellationToken.None);
            tenant = created.Tenant ?? throw new InvalidOperationException(string.Join("; ", created.Errors.Values));
        }

        return await host.InTenantAsync(tenant, async sp =>
        {
            var db = sp.GetRequiredService<TenantDbContext>();
            var now = DateTimeOffset.UtcNow;
            var program = new LoyaltyProgram { Name = "Coffee Club", Status = ProgramStatus.Active, Currency = "EUR", TimeZoneId = "Europe/Paris", CreatedAt = now, UpdatedAt = now };
            program.EarnRules.Add(new EarnRule { Name = "Double on coffee", Kind = EarnRuleKind.CategoryMultiplier, Category = "coffee", Multiplier = 2, IsActive = true });
            program.Tiers.Add(new Tier { Name = "Silver", Rank = 1, Threshold = 500, CreatedAt = now, UpdatedAt = now });
            db.LoyaltyPrograms.Add(program);
            for (var i = 0; i < members; i++)
            {
                db.Customers.Add(new Customer { FirstName = $"Member{i}", LastName = "Bench", CreatedAt = now, UpdatedAt = now });
            }

            await db.SaveChangesAsync();
            var ledger = sp.GetRequiredService<LoyaltyLedger>();
            var ids = new List<int>(members);
            foreach (var customerId in await db.Customers.Select(c => c.Id).ToListAsync())
            {
                ids.Add((await ledger.JoinAsync(program.Id, customerId, CancellationToken.None)).MembershipId!.Value);
            }

            var key = (await sp.GetRequiredService<ApiKeyService>().CreateAsync("Bench till", null, CancellationToken.None)).Key!;
            return new Setup(tenant, program.Id, ids, key);
        });
    }

    private static string Body(Setup setup, int membershipId, string externalId, int lines)
    {
        var text = new StringBuilder(512);
        text.Append(CultureInfo.InvariantCulture, $"{{\"programId\":{setup.ProgramId},\"membershipId\":{membershipId},\"externalId\":\"{externalId}\",\"total\":{lines * 4.5m + 1},\"currency\":\"EUR\",\"paymentMethod\":\"card\",\"storeCode\":\"main\",\"lines\":[");
        for (var l = 0; l < lines; l++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{(l > 0 ? "," : "")}{{\"sku\":\"SKU-{l}\",\"name\":\"Item {l}\",\"category\":\"{(l == 0 ? "coffee" : "food")}\",\"quantity\":1,\"unitPrice\":{(l == 0 ? 5.5m : 4.5m)}}}");
        }

        return text.Append("]}").ToString();
    }

    private static async Task<Result> MeasureApiAsync(string address, Setup setup, int clients, TimeSpan duration, int lines)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(address) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", setup.Key);
        var counter = 0;

        async Task<bool> CallAsync()
        {
            var n = Interlocked.Increment(ref counter);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/purchases")
            {
                Content = new StringContent(Body(setup, setup.MembershipIds[n % setup.MembershipIds.Count], $"api-{n}", lines), Encoding.UTF8, "application/json"),
            };
            request.Headers.Add(IdempotencyFilter.Header, Guid.NewGuid().ToString("N"));
            using var response = await http.SendAsync(request);
            return response.StatusCode == System.Net.HttpStatusCode.Created;
        }

        // warm-up: connection pool, EF model and query caches, and the JIT until tiered compilation has settled
        await WarmUpAsync(() => Task.WhenAll(Enumerable.Range(0, clients).Select(_ => CallAsync())));

        var latencies = new List<double>[clients];
        var failures = 0;
        Progress("API");
        var cpu = CpuNow();
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            var mine = latencies[c] = [];
            while (stopwatch.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                if (!await CallAsync())
                {
                    Interlocked.Increment(ref failures);
                }

                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }));
        stopwatch.Stop();
        var all = latencies.SelectMany(l => l).Order().ToList();
        return new Result(all.Count - failures, stopwatch.Elapsed.TotalSeconds, Percentile(all, 0.5), Percentile(all, 0.95), failures, CpuNow() - cpu);
    }

    private static async Task<Result> MeasureEngineAsync(BenchHost host, Setup setup, TimeSpan duration, int lines)
    {
        var n = 0;
        async Task RecordAsync()
        {
            var membershipId = setup.MembershipIds[n % setup.MembershipIds.Count];
            await host.InTenantAsync(setup.Tenant, async sp =>
            {
                var db = sp.GetRequiredService<TenantDbContext>();
                var customerId = await db.LoyaltyMemberships.Where(m => m.Id == membershipId).Select(m => m.CustomerId).SingleAsync();
                var items = Enumerable.Range(0, lines).Select(l => new PurchaseLineInput($"SKU-{l}", $"Item {l}", l == 0 ? "coffee" : "food", 1, l == 0 ? 5.5m : 4.5m)).ToList();
                return await sp.GetRequiredService<PurchaseRecorder>().RecordAsync(
                    new PurchaseInput(setup.ProgramId, customerId, $"engine-{n}", items, lines * 4.5m + 1, "EUR", "card", "main", DateTimeOffset.UtcNow), CancellationToken.None);
            });
            n++;
        }

        await WarmUpAsync(RecordAsync);
        var warm = n;
        var latencies = new List<double>();
        Progress("engine");
        var cpu = CpuNow();
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < duration)
        {
            var started = Stopwatch.GetTimestamp();
            await RecordAsync();
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        stopwatch.Stop();
        latencies.Sort();
        return new Result(n - warm, stopwatch.Elapsed.TotalSeconds, Percentile(latencies, 0.5), Percentile(latencies, 0.95), 0, CpuNow() - cpu);
    }

    /// <summary>
    /// Calls <paramref name="step"/> until the JIT has settled: fewer than 20 methods compiled in the last second (tiered
    /// compilation rejits hot methods for a while, longer on a busy machine), at least 3 s and at most 60 s.
    /// </summary>
    private static async Task WarmUpAsync(Func<Task> step)
    {
        var started = Stopwatch.StartNew();
        var window = Stopwatch.StartNew();
        var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        while (started.Elapsed < TimeSpan.FromSeconds(60))
        {
            await step();
            if (window.Elapsed < TimeSpan.FromSeconds(1))
            {
                continue;
            }

            var now = System.Runtime.JitInfo.GetCompiledMethodCount();
            if (now - compiled < 20 && started.Elapsed > TimeSpan.FromSeconds(3))
            {
                break;
            }

            compiled = now;
            window.Restart();
        }

        WarmUpSeconds.Add(started.Elapsed.TotalSeconds);
    }

    private static readonly List<double> WarmUpSeconds = [];

    /// <summary>A line on standard error as a phase's measurement starts, so a profiler can be attached to just that phase.</summary>
    private static void Progress(string phase) =>
        Console.Error.WriteLine($"measuring {phase} (pid {Environment.ProcessId}) at {DateTime.UtcNow:HH:mm:ss}");

    /// <param name="allRows">
    /// Every row the API writes for a purchase: the ledger rows, the member's cached balance (update) and the stored
    /// idempotent response (insert). Without: the ledger rows only.
    /// </param>
    private static async Task<Result> MeasureRawAsync(BenchHost host, Setup setup, TimeSpan duration, int lines, bool allRows)
    {
        var connectionString = host.Services.GetRequiredService<DatabaseLocator>().TenantConnectionString(setup.Tenant.DatabaseName);
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = $"PRAGMA mmap_size = {SqliteConnectionSetup.MmapSize};";
            await pragma.ExecuteNonQueryAsync();
        }

        var purchase = Command(connection, """
            INSERT INTO "LoyaltyPurchases" ("ProgramId","MembershipId","ExternalId","Total","Currency","PaymentMethod","StoreCode","OccurredAt","RecordedAt","PointsEarned","BonusPoints","PointsReversed","RefundedAmount","AvailableAt")
            VALUES ($program,$membership,$external,$total,'EUR','card','main',$at,$at,$points,0,0,0,$at) RETURNING "Id";
            """, "$program", "$membership", "$external", "$total", "$at", "$points");
        var line = Command(connection, """
            INSERT INTO "LoyaltyPurchaseLines" ("PurchaseId","Sku","Name","Category","Quantity","UnitPrice","Points","RefundedQuantity","PointsReversed")
            VALUES ($purchase,$sku,$name,$category,1,$price,$points,0,0);
            """, "$purchase", "$sku", "$name", "$category", "$price", "$points");
        var entry = Command(connection, """
            INSERT INTO "LedgerEntries" ("ProgramId","MembershipId","Type","ActiveDelta","PendingDelta","OccurredAt","RecordedAt","PurchaseId")
            VALUES ($program,$membership,'Earn',$points,0,$at,$at,$purchase) RETURNING "Id";
            """, "$program", "$membership", "$points", "$at", "$purchase");
        var lot = Command(connection, """
            INSERT INTO "PointLots" ("ProgramId","MembershipId","Kind","Points","Remaining","Reversed","IsPending","EarnedAt","AvailableAt","PurchaseId","SourceEntryId")
            VALUES ($program,$membership,'Earn',$points,$points,0,0,$at,$at,$purchase,$entry) RETURNING "Id";
            """, "$program", "$membership", "$points", "$at", "$purchase", "$entry");
        var allocation = Command(connection, """
            INSERT INTO "LedgerAllocations" ("EntryId","LotId","Points") VALUES ($entry,$lot,$points);
            """, "$entry", "$lot", "$points");
        var balance = Command(connection, """
            UPDATE "LoyaltyMemberships" SET "ActivePoints" = "ActivePoints" + $points, "LastActivityAt" = $at, "ConcurrencyStamp" = $stamp WHERE "Id" = $membership;
            """, "$points", "$at", "$stamp", "$membership");
        var response = Command(connection, """
            INSERT INTO "PosIdempotencyKeys" ("ApiKeyId","Key","RequestHash","CreatedAt","CompletedAt","ResponseStatus","ResponseBody","ResponseContentType")
            VALUES ($apiKey,$key,$hash,$at,$at,201,$body,'application/json; charset=utf-8');
            """, "$apiKey", "$key", "$hash", "$at", "$body");
        await using var keyQuery = connection.CreateCommand();
        keyQuery.CommandText = """SELECT "Id" FROM "PosApiKeys" LIMIT 1;""";
        var apiKeyId = (long)(await keyQuery.ExecuteScalarAsync())!;
        var responseBody = new string('x', 300); // about the size of a purchase's JSON answer

        var n = 0;
        async Task InsertAsync()
        {
            var membershipId = setup.MembershipIds[n % setup.MembershipIds.Count];
            var at = DateTimeOffset.UtcNow.UtcTicks;
            var points = 2 * lines + 10;
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            foreach (var command in new[] { purchase, line, entry, lot, allocation, balance, response })
            {
                command.Transaction = transaction;
            }

            var purchaseId = await Scalar(purchase, setup.ProgramId, membershipId, $"raw-{allRows}-{n}", lines * 4.5m + 1, at, points);
            for (var l = 0; l < lines; l++)
            {
                await Exec(line, purchaseId, $"SKU-{l}", $"Item {l}", l == 0 ? "coffee" : "food", l == 0 ? 5.5m : 4.5m, l == 0 ? 11 : 4);
            }

            var entryId = await Scalar(entry, setup.ProgramId, membershipId, points, at, purchaseId);
            var lotId = await Scalar(lot, setup.ProgramId, membershipId, points, at, purchaseId, entryId);
            await Exec(allocation, entryId, lotId, points);
            if (allRows)
            {
                await Exec(balance, points, at, Guid.NewGuid().ToString("N"), membershipId);
                await Exec(response, apiKeyId, $"raw-{allRows}-{n}", new string('0', 64), at, responseBody);
            }

            await transaction.CommitAsync();
            n++;
        }

        await WarmUpAsync(InsertAsync);
        var warm = n;
        var latencies = new List<double>();
        Progress(allRows ? "raw (all rows)" : "raw (ledger rows)");
        var cpu = CpuNow();
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < duration)
        {
            var started = Stopwatch.GetTimestamp();
            await InsertAsync();
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        stopwatch.Stop();
        latencies.Sort();
        return new Result(n - warm, stopwatch.Elapsed.TotalSeconds, Percentile(latencies, 0.5), Percentile(latencies, 0.95), 0, CpuNow() - cpu);
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    private static async Task<long> Scalar(SqliteCommand command, params object[] values)
    {
        Bind(command, values);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task Exec(SqliteCommand command, params object[] values)
    {
        Bind(command, values);
        await command.ExecuteNonQueryAsync();
    }

    private static void Bind(SqliteCommand command, object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static int IntOption(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>The app on Kestrel with a throwaway data folder, no job server, no demo, and no rate limit that would interfere.</summary>
    private sealed class BenchHost(string folder) : WebApplicationFactory<ApiKeyService> // any type of the web assembly: its entry point is used
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSolutionRelativeContentRoot("src/VibeCrm.Web", "VibeCrm.sln");
            foreach (var (key, value) in new Dictionary<string, string>
            {
                ["Database:DataFolder"] = folder,
                ["Demo:Enabled"] = "false",
                ["Jobs:RunServer"] = "false",
                ["PosApi:PermitsPerMinute"] = "100000000",
                ["Logging:LogLevel:Default"] = "Warning",
                ["Platform:Operators:0:Email"] = "ops@bench.test",
                ["Platform:Operators:0:Password"] = "Bench-pass-2026",
            })
            {
                builder.UseSetting(key, value);
            }
        }

        public async Task<T> InTenantAsync<T>(TenantInfo tenant, Func<IServiceProvider, Task<T>> action)
        {
            using (Services.GetRequiredService<ITenantContextAccessor>().BeginScope(tenant))
            {
                await using var scope = Services.CreateAsyncScope();
                return await action(scope.ServiceProvider);
            }
        }
    }
}
