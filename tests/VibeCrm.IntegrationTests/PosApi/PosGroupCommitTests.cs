using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VibeCrm.Data.Crm;
using VibeCrm.Data.Loyalty;
using VibeCrm.Data.Tenants;
using VibeCrm.Web.Features.PosApi;

namespace VibeCrm.IntegrationTests.PosApi;

/// <summary>The API's writes on SQLite: one transaction per request, requests that wait sharing one commit.</summary>
public sealed class PosGroupCommitTests(PosApiFactory factory) : IClassFixture<PosApiFactory>
{
    [Fact]
    public async Task Requests_that_wait_share_one_commit_and_one_that_fails_leaves_the_others_alone()
    {
        var s = await factory.PosSetupAsync();
        var gate = factory.Services.GetRequiredService<PosWriteGate>();
        var annHolds = new TaskCompletionSource();
        var releaseAnn = new TaskCompletionSource();
        var cidHolds = new TaskCompletionSource();
        var releaseCid = new TaskCompletionSource();

        Task<int> Request(string name, bool keep, TaskCompletionSource? holds = null, TaskCompletionSource? release = null) => factory.RunAsync(s.Tenant, async sp =>
        {
            var db = sp.GetRequiredService<TenantDbContext>();
            var turn = await gate.EnterAsync(db, s.Tenant.Id, CancellationToken.None);
            db.Customers.Add(new Customer { FirstName = name, LastName = "Batch", CreatedAt = factory.Clock.Now, UpdatedAt = factory.Clock.Now });
            await db.SaveChangesAsync();
            holds?.SetResult();
            if (release is not null)
            {
                await release.Task;
            }

            await turn.EndAsync(keep);
            return 0;
        });

        var ann = Request("Ann", keep: true, annHolds, releaseAnn);
        await annHolds.Task;
        var bob = Request("Bob", keep: false);
        var cid = Request("Cid", keep: true, cidHolds, releaseCid);
        while (gate.Waiting(s.Tenant.Id) < 2)
        {
            await Task.Delay(10);
        }

        releaseAnn.SetResult();
        await cidHolds.Task;

        // Bob's undone part waits for nothing; Ann's part is done, but her answer waits for the commit, which waits for Cid (same batch)
        await bob.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(ann.IsCompleted);
        releaseCid.SetResult();
        await Task.WhenAll(ann, bob, cid);

        var names = await factory.DbAsync(s.Tenant, db => db.Customers.Where(c => c.LastName == "Batch").Select(c => c.FirstName).OrderBy(n => n).ToListAsync());
        Assert.Equal(["Ann", "Cid"], names);
    }

    [Fact]
    public async Task Concurrent_purchases_of_many_members_are_all_recorded_with_exact_balances()
    {
        var s = await factory.PosSetupAsync();
        var members = new List<int>();
        for (var i = 0; i < 8; i++)
        {
            members.Add((await factory.AddMemberAsync(s.Tenant, s.ProgramId, $"M{i}")).MembershipId);
        }

        var calls = Enumerable.Range(0, 64).Select(async n =>
        {
            var body = new
            {
                programId = s.ProgramId,
                membershipId = members[n % members.Count],
                externalId = $"G-{n}",
                total = 10m,
                lines = new[] { new { sku = "LATTE", name = "Latte", category = "coffee", quantity = 1, unitPrice = 10m } },
            };
            using var response = await s.Client.PostAsync("/api/v1/purchases", body, $"group-{n}");
            return response.StatusCode;
        });
        var statuses = await Task.WhenAll(calls);

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.Created, status));
        var balances = await factory.DbAsync(s.Tenant, db => db.LoyaltyMemberships.Where(m => members.Contains(m.Id)).Select(m => m.ActivePoints).ToListAsync());
        Assert.All(balances, points => Assert.Equal(80, points));
        Assert.Equal(64, await factory.DbAsync(s.Tenant, db => db.IdempotencyRecords.CountAsync(r => r.Key.StartsWith("group-"))));
        Assert.Empty(await factory.CheckInvariantsAsync(s.Loyalty));
    }

    [Fact]
    public async Task A_rule_changed_between_two_purchases_applies_to_the_second()
    {
        var s = await factory.PosSetupAsync();
        using var first = await s.Client.PostAsync("/api/v1/purchases", PosHttp.Purchase(s, "R-1", 10m), "rules-1");
        Assert.Equal(10, (await first.JsonAsync()).GetProperty("pointsEarned").GetInt32());

        await factory.DbAsync(s.Tenant, async db =>
        {
            var program = await db.LoyaltyPrograms.SingleAsync(p => p.Id == s.ProgramId);
            program.PointsPerCurrencyUnit = 2m;
            db.EarnRules.Add(new EarnRule { ProgramId = s.ProgramId, Name = "Coffee x3", Kind = EarnRuleKind.CategoryMultiplier, Category = "coffee", Multiplier = 3, IsActive = true });
            return await db.SaveChangesAsync();
        });
        using var second = await s.Client.PostAsync("/api/v1/purchases", PosHttp.Purchase(s, "R-2", 10m), "rules-2");
        Assert.Equal(60, (await second.JsonAsync()).GetProperty("pointsEarned").GetInt32());
    }
}
