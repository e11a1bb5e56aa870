using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VibeCrm.Data.Loyalty;
using VibeCrm.IntegrationTests.Opportunities;
using VibeCrm.Web.Features.Loyalty;
using static VibeCrm.IntegrationTests.Loyalty.BackOfficeKit;

namespace VibeCrm.IntegrationTests.Loyalty;

/// <summary>Back office → Loyalty: member list, member page and adjustments, overview charts, liability report.</summary>
public sealed class MemberPagesTests(LoyaltyFactory factory) : IClassFixture<LoyaltyFactory>
{
    private static string Cell(string html, string rowAttribute, string cellAttribute)
    {
        var row = Regex.Match(html, $"<tr {rowAttribute}>.*?</tr>", RegexOptions.Singleline, TimeSpan.FromSeconds(1)).Value;
        Assert.False(string.IsNullOrEmpty(row), $"no row {rowAttribute}");
        return Regex.Match(row, $"{cellAttribute}>([^<]*)<", RegexOptions.None, TimeSpan.FromSeconds(1)).Groups[1].Value.Trim();
    }

    [Fact]
    public async Task A_manager_adjustment_is_written_to_the_ledger_with_the_reason_and_the_staff_member()
    {
        var s = await factory.SetupAsync();
        await factory.PurchaseAsync(s, "R-1", 40m);
        var (manager, managerId) = await factory.StaffAsync(s, "Manager");
        using (manager)
        {
            var page = s.Admin($"members/details/{s.MembershipId}");
            Assert.Contains("id=\"adjust-form\"", await manager.GetPageAsync(page), StringComparison.Ordinal);

            var noReason = Text(await manager.PostAsync(page, new Dictionary<string, string> { ["Adjust.Points"] = "25", ["Adjust.Reason"] = " " }, page + "?handler=Adjust").ExpectAsync(HttpStatusCode.OK));
            Assert.Contains("Give a reason for the adjustment.", noReason, StringComparison.Ordinal);
            var tooMuch = Text(await manager.PostAsync(page, new Dictionary<string, string> { ["Adjust.Points"] = "-100", ["Adjust.Reason"] = "oops" }, page + "?handler=Adjust").ExpectAsync(HttpStatusCode.OK));
            Assert.Contains("The member has only 40 points to take from.", tooMuch, StringComparison.Ordinal);
            var zero = Text(await manager.PostAsync(page, new Dictionary<string, string> { ["Adjust.Points"] = "0", ["Adjust.Reason"] = "oops" }, page + "?handler=Adjust").ExpectAsync(HttpStatusCode.OK));
            Assert.Contains("Enter a number of points other than zero.", zero, StringComparison.Ordinal);
            var notNumber = Text(await manager.PostAsync(page, new Dictionary<string, string> { ["Adjust.Points"] = "ten", ["Adjust.Reason"] = "oops" }, page + "?handler=Adjust").ExpectAsync(HttpStatusCode.OK));
            Assert.Contains("is not valid for", notNumber, StringComparison.Ordinal);
            Assert.Equal(0, await factory.DbAsync(s.Tenant, db => db.LedgerEntries.CountAsync(e => e.Type == LedgerEntryType.Adjust)));

            using var ok = await manager.PostAsync(page, new Dictionary<string, string> { ["Adjust.Points"] = "25", ["Adjust.Reason"] = "Coffee machine broke" }, page + "?handler=Adjust");
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
            var entry = await factory.DbAsync(s.Tenant, db => db.LedgerEntries.AsNoTracking().SingleAsync(e => e.Type == LedgerEntryType.Adjust));
            Assert.Equal((25, "Coffee machine broke", managerId), (entry.ActiveDelta, entry.Reason, entry.StaffUserId));
            Assert.Equal(65, (await factory.BalanceAsync(s)).ActivePoints);

            var after = await manager.GetPageAsync(page);
            Assert.Contains("<p class=\"kpi-value\" id=\"active-balance\">65</p>", after, StringComparison.Ordinal);
            Assert.Contains("Coffee machine broke", after, StringComparison.Ordinal);
            Assert.Contains("— by Sam Staff", after, StringComparison.Ordinal);
            Assert.Empty(await factory.CheckInvariantsAsync(s));
        }
    }

    [Fact]
    public async Task An_agent_sees_no_adjustment_form_and_a_post_is_refused_with_403()
    {
        var s = await factory.SetupAsync();
        await factory.PurchaseAsync(s, "R-1", 40m);
        var (agent, _) = await factory.StaffAsync(s, "Agent");
        using (agent)
        {
            var page = s.Admin($"members/details/{s.MembershipId}");
            var html = await agent.GetPageAsync(page);
            Assert.DoesNotContain("adjust-form", html, StringComparison.Ordinal);
            Assert.Contains("id=\"active-balance\">40<", html, StringComparison.Ordinal);
            using var refused = await agent.HtmxPostAsync(page, new Dictionary<string, string> { ["Adjust.Points"] = "1000", ["Adjust.Reason"] = "for me" }, page + "?handler=Adjust");
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal(0, await factory.DbAsync(s.Tenant, db => db.LedgerEntries.CountAsync(e => e.Type == LedgerEntryType.Adjust)));
            Assert.Equal(40, (await factory.BalanceAsync(s)).ActivePoints);
        }
    }

    [Fact]
    public async Task The_member_page_shows_lots_tier_history_paged_ledger_and_cancels_an_unused_code()
    {
        var s = await factory.SetupAsync(p =>
        {
            p.ExpiryKind = ExpiryKind.AfterDays;
            p.ExpiryDays = 30;
            p.Tiers.Add(new Tier { Name = "Silver", Rank = 1, Threshold = 100 });
        });
        for (var i = 0; i < 24; i++)
        {
            await factory.PurchaseAsync(s, $"R-{i}", 10m);
        }

        var rewardId = await factory.AddRewardAsync(s.Tenant, s.ProgramId, 50);
        var redeemed = await factory.RedeemAsync(s, rewardId);
        Assert.True(redeemed.Result.Succeeded, redeemed.Result.Error);
        using var owner = await factory.OwnerAsync(s);
        var page = s.Admin($"members/details/{s.MembershipId}");
        var html = Text(await owner.GetPageAsync(page));
        Assert.Contains("Silver", Regex.Match(html, "id=\"tier-history\".*?</ol>", RegexOptions.Singleline, TimeSpan.FromSeconds(1)).Value, StringComparison.Ordinal);
        Assert.Contains("No tier → Silver", html, StringComparison.Ordinal);
        Assert.Contains($"data-code=\"{redeemed.Redemption!.Code}\"", html, StringComparison.Ordinal);
        Assert.Contains("Unused", html, StringComparison.Ordinal);
        Assert.Equal(20, Regex.Count(html, "<tr data-entry=", RegexOptions.None, TimeSpan.FromSeconds(1)));
        Assert.Contains("Page 1 of 2", html, StringComparison.Ordinal);
        var lots = Regex.Match(html, "id=\"lot-list\".*?</table>", RegexOptions.Singleline, TimeSpan.FromSeconds(1)).Value;
        Assert.Contains("10 of 10", lots, StringComparison.Ordinal);
        Assert.Equal(19, Regex.Count(lots, " of 10<", RegexOptions.None, TimeSpan.FromSeconds(1))); // the reward spent the 5 oldest lots

        var older = await owner.GetPageAsync(page + "?handler=Ledger&pg=2");
        Assert.StartsWith("<div id=\"ledger\">", older.Trim(), StringComparison.Ordinal);
        Assert.Equal(25 - 20, Regex.Count(older, "<tr data-entry=", RegexOptions.None, TimeSpan.FromSeconds(1)));

        using var cancelled = await owner.PostAsync(page, new Dictionary<string, string> { ["code"] = redeemed.Redemption.Code }, page + "?handler=Cancel");
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.Equal(240, (await factory.BalanceAsync(s)).ActivePoints);
        Assert.Equal(RedemptionStatus.Cancelled, await factory.DbAsync(s.Tenant, db => db.Redemptions.Select(r => r.Status).SingleAsync()));
        using var unknown = await owner.PostAsync(page, new Dictionary<string, string> { ["code"] = "NOTMINE123" }, page + "?handler=Cancel");
        Assert.Equal(HttpStatusCode.Redirect, unknown.StatusCode);
        Assert.Contains("this member has no such code", await owner.GetPageAsync(page), StringComparison.Ordinal);
        Assert.Equal(RedemptionStatus.Cancelled, await factory.DbAsync(s.Tenant, db => db.Redemptions.Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task The_member_list_shows_balances_and_filters_by_tier_and_search_with_paging()
    {
        var s = await factory.SetupAsync(p => p.Tiers.Add(new Tier { Name = "Gold", Rank = 1, Threshold = 100, Color = "#d4a017" }));
        await factory.PurchaseAsync(s, "R-1", 150m);
        var zoe = await factory.AddMemberAsync(s.Tenant, s.ProgramId, "Zoe");
        await factory.RunAsync(s.Tenant, sp => sp.GetRequiredService<PurchaseRecorder>().RecordAsync(
            new PurchaseInput(s.ProgramId, zoe.CustomerId, "Z-1", [new PurchaseLineInput("A", "A", null, 1, 30m)], 30m, "EUR", "card", "main", factory.Clock.Now), CancellationToken.None));
        await factory.DbAsync(s.Tenant, db => db.Customers.Where(c => c.Id == zoe.CustomerId)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.SearchName, "zoe member").SetProperty(c => c.SearchLastName, "member zoe")));
        for (var i = 0; i < 26; i++)
        {
            await factory.AddMemberAsync(s.Tenant, s.ProgramId, $"Extra{i:00}");
        }

        using var owner = await factory.OwnerAsync(s);
        var list = await owner.GetPageAsync(s.Admin($"members?program={s.ProgramId}"));
        Assert.Contains("28 members", list, StringComparison.Ordinal);
        Assert.Equal(25, Regex.Count(list, "<tr data-membership=", RegexOptions.None, TimeSpan.FromSeconds(1)));
        Assert.Contains("Page 1 of 2", list, StringComparison.Ordinal);
        var second = await owner.GetPageAsync(s.Admin($"members?program={s.ProgramId}&pg=2"));
        Assert.Equal(3, Regex.Count(second, "<tr data-membership=", RegexOptions.None, TimeSpan.FromSeconds(1)));

        var gold = await factory.DbAsync(s.Tenant, db => db.Tiers.Select(t => t.Id).SingleAsync());
        var inGold = await owner.GetPageAsync(s.Admin($"members?program={s.ProgramId}&tier={gold}"));
        Assert.Contains("1 member", inGold, StringComparison.Ordinal);
        Assert.Equal("150", Cell(inGold, $"data-membership=\"{s.MembershipId}\"", "data-active"));
        var noTier = await owner.GetPageAsync(s.Admin($"members?program={s.ProgramId}&tier=0"));
        Assert.Contains("27 members", noTier, StringComparison.Ordinal);

        var search = await owner.GetAsync(s.Admin($"members?program={s.ProgramId}&q=zo"), new Dictionary<string, string> { ["HX-Request"] = "true" });
        var partial = await search.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<html", partial, StringComparison.Ordinal);
        Assert.Contains("1 member", partial, StringComparison.Ordinal);
        Assert.Equal("30", Cell(partial, $"data-membership=\"{zoe.MembershipId}\"", "data-active"));
        Assert.Equal("0", Cell(partial, $"data-membership=\"{zoe.MembershipId}\"", "data-pending"));
    }

    [Fact]
    public async Task The_customer_page_links_to_the_membership_and_back()
    {
        var s = await factory.SetupAsync();
        await factory.PurchaseAsync(s, "R-1", 12m);
        using var owner = await factory.OwnerAsync(s);
        var customer = await owner.GetPageAsync($"/{s.Tenant.Identifier}/admin/customers/details/{s.CustomerId}");
        Assert.Contains($"href=\"/{s.Tenant.Identifier}/admin/loyalty/members/details/{s.MembershipId}\"", customer, StringComparison.Ordinal);
        Assert.Contains("12 points", customer, StringComparison.Ordinal);
        var member = await owner.GetPageAsync(s.Admin($"members/details/{s.MembershipId}"));
        Assert.Contains($"href=\"/{s.Tenant.Identifier}/admin/customers/details/{s.CustomerId}\"", member, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_enrol_a_customer_from_the_customer_page_with_the_sign_up_bonus()
    {
        var s = await factory.SetupAsync(p => p.EarnRules.Add(new EarnRule { Kind = EarnRuleKind.SignUpBonus, Name = "Welcome", BonusPoints = 20 }));
        var customerId = await factory.AddCustomerAsync(s.Tenant, "Nora", "New");
        var (agent, _) = await factory.StaffAsync(s, "Agent");
        using (agent)
        {
            var customerPage = $"/{s.Tenant.Identifier}/admin/customers/details/{customerId}";
            Assert.Contains("id=\"enrol-form\"", await agent.GetPageAsync(customerPage), StringComparison.Ordinal);
            using var enrolled = await agent.PostAsync(customerPage, new Dictionary<string, string> { ["customerId"] = $"{customerId}", ["programId"] = $"{s.ProgramId}" }, s.Admin("members?handler=Enrol"));
            Assert.True(enrolled.StatusCode == HttpStatusCode.Redirect, await enrolled.Content.ReadAsStringAsync());
            var membershipId = await factory.DbAsync(s.Tenant, db => db.LoyaltyMemberships.Where(m => m.CustomerId == customerId).Select(m => m.Id).SingleAsync());
            Assert.Equal(s.Admin($"members/details/{membershipId}"), enrolled.Headers.Location?.OriginalString);
            Assert.Equal(20, (await factory.BalanceAsync(s, membershipId)).ActivePoints);
            Assert.DoesNotContain("id=\"enrol-form\"", await agent.GetPageAsync(customerPage), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Liability_counts_active_and_pending_apart_ignores_negative_balances_and_exports_escaped_csv()
    {
        var s = await factory.SetupAsync(p => { p.Name = "=HYPERLINK(\"x\")"; p.PointValue = 0.02m; });
        await factory.PurchaseAsync(s, "R-1", 300m);
        var second = await factory.AddMemberAsync(s.Tenant, s.ProgramId, "Neg");
        var bought = await factory.RunAsync(s.Tenant, sp => sp.GetRequiredService<PurchaseRecorder>().RecordAsync(
            new PurchaseInput(s.ProgramId, second.CustomerId, "N-1", [new PurchaseLineInput("A", "A", null, 1, 100m)], 100m, "EUR", "card", "main", factory.Clock.Now), CancellationToken.None));
        Assert.True(bought.Result.Succeeded);
        var rewardId = await factory.AddRewardAsync(s.Tenant, s.ProgramId, 100);
        Assert.True((await factory.RedeemAsync(s, rewardId, second.MembershipId)).Result.Succeeded);
        var refund = await factory.RunAsync(s.Tenant, sp => sp.GetRequiredService<PurchaseRecorder>().RefundAsync(new RefundInput(s.ProgramId, "N-1", "RF-1", null), CancellationToken.None));
        Assert.True(refund.Result.Succeeded, refund.Result.Error);
        Assert.Equal(-100, (await factory.BalanceAsync(s, second.MembershipId)).ActivePoints);
        await factory.DbAsync(s.Tenant, async db =>
        {
            var p = await db.LoyaltyPrograms.SingleAsync();
            p.PendingDays = 14;
            await db.SaveChangesAsync();
            return 0;
        });
        await factory.PurchaseAsync(s, "R-2", 50m);

        using var owner = await factory.OwnerAsync(s);
        var html = await owner.GetPageAsync(s.Admin("liability"));
        var row = $"data-program=\"{s.ProgramId}\"";
        Assert.Equal("300 points", Cell(html, row, "data-active-points"));
        Assert.Equal("6 EUR", Cell(html, row, "data-active-value"));
        Assert.Equal("50 points", Cell(html, row, "data-pending-points"));
        Assert.Equal("1 EUR", Cell(html, row, "data-pending-value"));
        Assert.Equal("7 EUR", Cell(html, row, "data-total-value"));

        using var csv = await owner.GetAsync(s.Admin("liability?handler=Csv"));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var lines = text.Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Program,Status,Unit,Currency,Point value,Members,Active points,Pending points,Active value,Pending value,Total value", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("\"'=HYPERLINK(\"\"x\"\")\",Active,points,EUR,0.02,2,300,50,6,1,7", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overview_charts_and_kpis_match_the_ledger()
    {
        var s = await factory.SetupAsync(p =>
        {
            p.Tiers.Add(new Tier { Name = "Silver", Rank = 1, Threshold = 100, Color = "#c0c0c0" });
            p.Tiers.Add(new Tier { Name = "Gold", Rank = 2, Threshold = 1000, Color = "#d4a017" });
            p.EarnRules.Add(new EarnRule { Kind = EarnRuleKind.SignUpBonus, Name = "Welcome", BonusPoints = 10 });
        });
        await factory.PurchaseAsync(s, "R-1", 1200m);
        var b = await factory.AddMemberAsync(s.Tenant, s.ProgramId, "Bea");
        await factory.RunAsync(s.Tenant, sp => sp.GetRequiredService<PurchaseRecorder>().RecordAsync(
            new PurchaseInput(s.ProgramId, b.CustomerId, "B-1", [new PurchaseLineInput("A", "A", null, 1, 150m)], 150m, "EUR", "card", "main", factory.Clock.Now), CancellationToken.None));
        await factory.AddMemberAsync(s.Tenant, s.ProgramId, "Cy");
        var rewardId = await factory.AddRewardAsync(s.Tenant, s.ProgramId, 200);
        Assert.True((await factory.RedeemAsync(s, rewardId)).Result.Succeeded);
        var cancelled = await factory.RedeemAsync(s, rewardId);
        await factory.RunAsync(s.Tenant, sp => sp.GetRequiredService<RewardRedemptions>().CancelAsync(cancelled.Redemption!.Code, CancellationToken.None));

        var expected = await factory.DbAsync(s.Tenant, async db => new
        {
            Earned = await db.LedgerEntries.Where(e => e.Type == LedgerEntryType.Earn || e.Type == LedgerEntryType.Bonus).SumAsync(e => e.ActiveDelta + e.PendingDelta),
            Outstanding = await db.LoyaltyMemberships.SumAsync(m => m.ActivePoints),
        });
        Assert.Equal(1200 + 150 + 3 * 10, expected.Earned);

        using var owner = await factory.OwnerAsync(s);
        var html = await owner.GetPageAsync(s.Admin(""));
        var month = factory.Clock.Now.ToOffset(TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris").GetUtcOffset(factory.Clock.Now)).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var row = $"data-month=\"{month}\"";
        Assert.Equal($"{expected.Earned}", Cell(html, row, "data-earned"));
        Assert.Equal("200", Cell(html, row, "data-redeemed"));
        Assert.Equal("0", Cell(html, row, "data-expired"));
        Assert.Equal(12, Regex.Count(html, "<tr data-month=", RegexOptions.None, TimeSpan.FromSeconds(1)));
        Assert.Contains($"id=\"kpi-members\">3<", html, StringComparison.Ordinal);
        Assert.Contains($"id=\"kpi-active\">3<", html, StringComparison.Ordinal);
        Assert.Contains($"id=\"kpi-outstanding\">{expected.Outstanding.ToString("N0", CultureInfo.InvariantCulture)}<", html, StringComparison.Ordinal);

        var tiers = await factory.DbAsync(s.Tenant, db => db.Tiers.OrderBy(t => t.Rank).Select(t => t.Id).ToListAsync());
        Assert.Equal("1", Regex.Match(html, "<tr data-tier=\"none\"><td>No tier</td><td class=\"text-end\">(?<n>\\d+)<", RegexOptions.ExplicitCapture, TimeSpan.FromSeconds(1)).Groups["n"].Value);
        Assert.Equal("1", Regex.Match(html, $"<tr data-tier=\"{tiers[0]}\"><td>Silver</td><td class=\"text-end\">(\\d+)<", RegexOptions.None, TimeSpan.FromSeconds(1)).Groups[1].Value);
        Assert.Equal("1", Regex.Match(html, $"<tr data-tier=\"{tiers[1]}\"><td>Gold</td><td class=\"text-end\">(\\d+)<", RegexOptions.None, TimeSpan.FromSeconds(1)).Groups[1].Value);
        Assert.Contains("&quot;type&quot;:&quot;doughnut&quot;", html, StringComparison.Ordinal);
        Assert.Contains("#d4a017", html, StringComparison.Ordinal);
        Assert.Contains("id=\"activity-feed\"", html, StringComparison.Ordinal);

        // the chart data comes from the same service: 12 local months ending with the current one
        var months = await factory.RunAsync(s.Tenant, async sp =>
            await sp.GetRequiredService<LoyaltyReports>().MonthlyAsync(await sp.GetRequiredService<ProgramSettingsService>().FindAsync(s.ProgramId, CancellationToken.None) ?? throw new InvalidOperationException(), CancellationToken.None));
        Assert.Equal(expected.Earned, months.Sum(m => m.Earned));
        Assert.Equal(200, months.Sum(m => m.Redeemed));
    }

    [Fact]
    public async Task Ledger_breaches_are_shown_loudly_to_managers_only()
    {
        var s = await factory.SetupAsync();
        await factory.PurchaseAsync(s, "R-1", 20m);
        using var owner = await factory.OwnerAsync(s);
        Assert.DoesNotContain("ledger-breaches", await owner.GetPageAsync(s.Admin("")), StringComparison.Ordinal);

        await factory.DbAsync(s.Tenant, db => db.LoyaltyMemberships.Where(m => m.Id == s.MembershipId).ExecuteUpdateAsync(u => u.SetProperty(m => m.ActivePoints, 999)));
        Assert.NotEmpty(await factory.CheckInvariantsAsync(s));
        var html = await owner.GetPageAsync(s.Admin(""));
        Assert.Contains("id=\"ledger-breaches\"", html, StringComparison.Ordinal);
        Assert.Contains("ActiveBalance", html, StringComparison.Ordinal);

        var (agent, _) = await factory.StaffAsync(s, "Agent");
        using (agent)
        {
            Assert.DoesNotContain("ledger-breaches", await agent.GetPageAsync(s.Admin("")), StringComparison.Ordinal);
        }
    }
}
