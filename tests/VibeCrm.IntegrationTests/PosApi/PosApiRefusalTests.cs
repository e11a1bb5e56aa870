using System.Net;
using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Crm;
using VibeCrm.Data.Loyalty;

namespace VibeCrm.IntegrationTests.PosApi;

/// <summary>Refusals of the loyalty engine that the other POS API tests do not reach: each gets its own problem type.</summary>
public sealed class PosApiRefusalTests(PosApiFactory factory) : IClassFixture<PosApiFactory>
{
    [Fact]
    public async Task Each_reason_a_reward_cannot_be_redeemed_now_is_a_reward_unavailable_problem()
    {
        var s = await factory.PosSetupAsync(p => p.Tiers.Add(new Tier { Name = "Gold", Rank = 1, Threshold = 10_000, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow }));
        using (var bought = await s.Client.PostAsync("/api/v1/purchases", PosHttp.Purchase(s, "R-1", 200m)))
        {
            Assert.Equal(HttpStatusCode.Created, bought.StatusCode);
        }

        var gold = await factory.DbAsync(s.Tenant, db => db.Tiers.Where(t => t.ProgramId == s.ProgramId).Select(t => t.Id).SingleAsync());
        var now = factory.Clock.Now;
        var unavailable = new Dictionary<string, int>
        {
            ["out of stock"] = await factory.AddRewardAsync(s.Tenant, s.ProgramId, 10, r => r.Stock = 0),
            ["inactive"] = await factory.AddRewardAsync(s.Tenant, s.ProgramId, 10, r => r.IsActive = false),
            ["not yet available"] = await factory.AddRewardAsync(s.Tenant, s.ProgramId, 10, r => r.AvailableFrom = now.AddDays(1)),
            ["no longer available"] = await factory.AddRewardAsync(s.Tenant, s.ProgramId, 10, r => r.AvailableUntil = now.AddDays(-1)),
            ["for another tier"] = await factory.AddRewardAsync(s.Tenant, s.ProgramId, 10, r => r.Tiers.Add(new RewardTier { TierId = gold })),
        };
        foreach (var (reason, rewardId) in unavailable)
        {
            using var refused = await s.Client.PostAsync($"/api/v1/members/{s.MembershipId}/redemptions", new { rewardId });
            var problem = await refused.ProblemAsync(409, "reward-unavailable");
            Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()), reason);
        }

        var once = await factory.AddRewardAsync(s.Tenant, s.ProgramId, 10, r => r.PerMemberLimit = 1);
        using (var first = await s.Client.PostAsync($"/api/v1/members/{s.MembershipId}/redemptions", new { rewardId = once }))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }

        using var second = await s.Client.PostAsync($"/api/v1/members/{s.MembershipId}/redemptions", new { rewardId = once });
        await second.ProblemAsync(409, "reward-unavailable");
        Assert.Equal(1, await factory.DbAsync(s.Tenant, db => db.Redemptions.CountAsync()));
        Assert.Equal(190, (await factory.BalanceAsync(s.Loyalty)).ActivePoints);
    }

    [Fact]
    public async Task Redeeming_in_a_closed_program_is_a_program_closed_problem()
    {
        var s = await factory.PosSetupAsync();
        var rewardId = await factory.AddRewardAsync(s.Tenant, s.ProgramId, 0);
        await factory.DbAsync(s.Tenant, db => db.LoyaltyPrograms.Where(p => p.Id == s.ProgramId).ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, ProgramStatus.Closed)));
        using var refused = await s.Client.PostAsync($"/api/v1/members/{s.MembershipId}/redemptions", new { rewardId });
        await refused.ProblemAsync(409, "program-closed");
    }

    [Fact]
    public async Task A_blocked_customer_cannot_join_and_gets_a_customer_not_eligible_problem()
    {
        var s = await factory.PosSetupAsync();
        using (var created = await s.Client.PostAsync("/api/v1/customers", new { email = "blocked@example.com", firstName = "Bo" }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        await factory.DbAsync(s.Tenant, db => db.Customers.Where(c => c.FirstName == "Bo").ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, CustomerStatus.Blocked)));
        using var refused = await s.Client.PostAsync("/api/v1/customers", new { email = "blocked@example.com", joinProgramId = s.ProgramId });
        await refused.ProblemAsync(409, "customer-not-eligible");
        Assert.Equal(1, await factory.DbAsync(s.Tenant, db => db.LoyaltyMemberships.CountAsync()));
    }

    [Fact]
    public async Task A_refund_of_a_sku_the_purchase_does_not_have_is_a_validation_problem_on_lines()
    {
        var s = await factory.PosSetupAsync();
        using (await s.Client.PostAsync("/api/v1/purchases", PosHttp.Purchase(s, "R-2", 20m)))
        {
        }

        using var refused = await s.Client.PostAsync("/api/v1/refunds", new { programId = s.ProgramId, purchaseExternalId = "R-2", refundExternalId = "RF-1", lines = new[] { new { sku = "NOT-BOUGHT", quantity = 1 } } });
        var problem = await refused.ProblemAsync(400, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("lines", out _));
        Assert.Equal(20, (await factory.BalanceAsync(s.Loyalty)).ActivePoints);
    }
}
