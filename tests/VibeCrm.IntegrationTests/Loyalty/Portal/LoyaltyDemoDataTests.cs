using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VibeCrm.Data.Loyalty;
using VibeCrm.Data.Tenants;
using VibeCrm.IntegrationTests.Infrastructure;
using VibeCrm.Web.Features.Customers;
using VibeCrm.Web.Features.Demo;
using VibeCrm.Web.Features.Loyalty;

namespace VibeCrm.IntegrationTests.Loyalty.Portal;

/// <summary>The demo Coffee Club, seeded through the engine, has consistent ledgers and real tiers, rewards and refunds.</summary>
public sealed class LoyaltyDemoDataTests(VibeCrmFactory factory) : IClassFixture<VibeCrmFactory>
{
    [Fact]
    public async Task Seeding_the_demo_club_produces_consistent_ledgers_and_a_year_of_activity()
    {
        var tenant = await factory.CreateTenantAsync();
        var memberUser = await factory.CreateMemberAsync(tenant.Info, "emma@demo.test", "Emma");
        var stats = await factory.InTenantAsync(tenant.Info, async sp =>
        {
            await sp.GetRequiredService<VibeCrm.Web.Features.Members.MemberCustomers>().EnsureAsync(memberUser, CancellationToken.None);
            await sp.GetRequiredService<CustomerSeeder>().SeedAsync(tenant.Info, 300, seed: 7, CancellationToken.None);
            return await sp.GetRequiredService<LoyaltyDemoData>().SeedAsync(seed: 7, "EUR", "Europe/Paris", CancellationToken.None);
        });

        Assert.NotNull(stats);
        Assert.InRange(stats.Members, 200, 300);
        Assert.True(stats.Purchases > 1000, $"{stats.Purchases} purchases");
        Assert.True(stats.Refunds > 0 && stats.Redemptions > 0, $"{stats.Refunds} refunds, {stats.Redemptions} redemptions");

        var breaches = await factory.InTenantAsync(tenant.Info, sp => sp.GetRequiredService<LedgerInvariants>().CheckAsync(CancellationToken.None));
        Assert.Empty(breaches);
        await factory.InTenantAsync(tenant.Info, async sp =>
        {
            var db = sp.GetRequiredService<TenantDbContext>();
            Assert.Equal(await db.LoyaltyMemberships.SumAsync(m => m.ActivePoints), await db.LedgerEntries.SumAsync(e => e.ActiveDelta));
            Assert.Equal(await db.LoyaltyMemberships.SumAsync(m => m.PendingPoints), await db.LedgerEntries.SumAsync(e => e.PendingDelta));
            var tiers = await db.LoyaltyMemberships.GroupBy(m => m.CurrentTierId).Select(g => g.Key).ToListAsync();
            Assert.Equal(3, tiers.Count(t => t != null)); // Bronze, Silver and Gold members
            var span = await db.Purchases.Select(p => p.OccurredAt).ToListAsync();
            Assert.True(span.Max() - span.Min() > TimeSpan.FromDays(330), "about a year of purchases");
            Assert.True(await db.LedgerEntries.AnyAsync(e => e.Type == LedgerEntryType.Expire), "points from a year ago expired");
            Assert.True(await db.Redemptions.AnyAsync(r => r.Status == RedemptionStatus.Consumed));
            Assert.True(await db.PointLots.AnyAsync(l => l.IsPending), "the last two weeks are still pending");
            var emma = await db.Users.Where(u => u.Id == memberUser).Select(u => u.CustomerId).SingleAsync();
            Assert.True(await db.LoyaltyMemberships.AnyAsync(m => m.CustomerId == emma && db.Purchases.Count(p => p.MembershipId == m.Id) > 50), "the demo member has a history");
            Assert.Empty(await db.LoyaltyEmails.ToListAsync()); // seeding sends nothing
            return 0;
        });

        // seeding twice changes nothing
        Assert.Null(await factory.InTenantAsync(tenant.Info, sp => sp.GetRequiredService<LoyaltyDemoData>().SeedAsync(7, "EUR", "Europe/Paris", CancellationToken.None)));
    }
}
