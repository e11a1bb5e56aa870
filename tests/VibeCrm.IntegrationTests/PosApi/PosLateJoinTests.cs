using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VibeCrm.Data;
using VibeCrm.Data.Loyalty;
using VibeCrm.Data.Tenants;
using VibeCrm.Web.Features.PosApi;

namespace VibeCrm.IntegrationTests.PosApi;

/// <summary>
/// A purchase reads its member and prepares its rows before it joins the write batch; the batch's commit is made durable
/// outside the write lock.
/// </summary>
public sealed class PosLateJoinTests(PosApiFactory factory) : IClassFixture<PosApiFactory>
{
    [Fact]
    public async Task Two_purchases_of_one_member_that_read_the_same_balance_both_count()
    {
        var s = await factory.PosSetupAsync();
        var gate = factory.Services.GetRequiredService<PosWriteGate>();

        // the key's first use records its last-use time, a write of its own: done before the turn is held
        using (var lookup = await s.Client.GetAsync($"/api/v1/members/{s.MembershipId}/balance"))
        {
            Assert.Equal(HttpStatusCode.OK, lookup.StatusCode);
        }

        var holds = new TaskCompletionSource();
        var release = new TaskCompletionSource();

        // someone holds the write turn: both purchases read the member's balance, prepare their rows and queue
        var holder = factory.RunAsync(s.Tenant, async sp =>
        {
            var turn = await gate.EnterAsync(sp.GetRequiredService<TenantDbContext>(), s.Tenant.Id, CancellationToken.None);
            holds.SetResult();
            await release.Task;
            await turn.EndAsync(keep: true);
            return 0;
        });
        await holds.Task;

        var first = s.Client.PostAsync("/api/v1/purchases", PosHttp.Purchase(s, "SAME-1", 10m), "same-1");
        var second = s.Client.PostAsync("/api/v1/purchases", PosHttp.Purchase(s, "SAME-2", 15m), "same-2");
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (gate.Waiting(s.Tenant.Id) < 2)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(20), "Both purchases should have queued for the write turn.");
            await Task.Delay(10);
        }

        // the second one's stamp is stale once the first has saved: its save fails, and it is redone inside the batch
        release.SetResult();
        using var one = await first;
        using var two = await second;
        await holder;

        Assert.Equal(HttpStatusCode.Created, one.StatusCode);
        Assert.Equal(HttpStatusCode.Created, two.StatusCode);
        var balances = new[] { (await one.JsonAsync()).GetProperty("activeBalance").GetInt32(), (await two.JsonAsync()).GetProperty("activeBalance").GetInt32() };
        Assert.Equal(25, balances.Max());
        Assert.Contains(balances.Min(), new[] { 10, 15 });
        var membership = await factory.DbAsync(s.Tenant, db => db.LoyaltyMemberships.SingleAsync(m => m.Id == s.MembershipId));
        Assert.Equal(25, membership.ActivePoints);
        Assert.Equal(2, await factory.DbAsync(s.Tenant, db => db.LedgerEntries.CountAsync(e => e.MembershipId == s.MembershipId && e.Type == LedgerEntryType.Earn)));
        Assert.Empty(await factory.CheckInvariantsAsync(s.Loyalty));
    }

    [Fact]
    public async Task Batch_connections_go_back_to_the_pool_with_synchronous_commits()
    {
        var s = await factory.PosSetupAsync();
        var calls = Enumerable.Range(0, 24).Select(async n =>
        {
            using var response = await s.Client.PostAsync("/api/v1/purchases", PosHttp.Purchase(s, $"SYNC-{n}", 5m), $"sync-{n}");
            return response.StatusCode;
        });
        Assert.All(await Task.WhenAll(calls), status => Assert.Equal(HttpStatusCode.Created, status));
        while (factory.Services.GetRequiredService<PosWriteGate>().Waiting(s.Tenant.Id) > 0)
        {
            await Task.Delay(10);
        }

        // the batches commit without waiting for the disk and flush the WAL themselves; any other writer that gets a
        // pooled connection of the tenant's database must still commit synchronously (FULL = 2)
        var connectionString = factory.Services.GetRequiredService<DatabaseLocator>().TenantConnectionString(s.Tenant.DatabaseName);
        var connections = new List<SqliteConnection>();
        try
        {
            for (var i = 0; i < 8; i++)
            {
                var connection = new SqliteConnection(connectionString);
                await connection.OpenAsync();
                connections.Add(connection);
                await using var pragma = connection.CreateCommand();
                pragma.CommandText = "PRAGMA synchronous;";
                Assert.Equal(2L, await pragma.ExecuteScalarAsync());
            }
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_pooled_connection_keeps_its_settings_when_opened_again()
    {
        var s = await factory.PosSetupAsync();
        for (var i = 0; i < 2; i++)
        {
            var mmap = await factory.DbAsync(s.Tenant, async db =>
            {
                await db.Database.OpenConnectionAsync();
                await using var pragma = db.Database.GetDbConnection().CreateCommand();
                pragma.CommandText = "PRAGMA mmap_size;";
                return (long)(await pragma.ExecuteScalarAsync())!;
            });
            Assert.Equal(SqliteConnectionSetup.MmapSize, mmap);
        }
    }
}
