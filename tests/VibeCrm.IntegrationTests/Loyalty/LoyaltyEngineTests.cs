using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VibeCrm.Data.Loyalty;
using VibeCrm.Web.Features.Loyalty;

namespace VibeCrm.IntegrationTests.Loyalty;

/// <summary>The loyalty engine against real per-tenant SQLite databases. Each test has its own tenant.</summary>
public sealed class LoyaltyEngineTests(LoyaltyFactory factory) : IClassFixture<LoyaltyFactory>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_purchase_earns_by_the_rules_and_creates_a_lot()
    {
        var s = await factory.SetupAsync(rules: p => p.EarnRules.Add(new EarnRule { Kind = EarnRuleKind.CategoryMultiplier, Category = "coffee", Multiplier = 2, Name = "Coffee x2" }));
        var outcome = await factory.PurchaseAsync(s, "R-1", 30m, new("ESP", "Espresso", "coffee", 2, 5m), new("CAKE", "Cake", "food", 1, 20m));

        Assert.True(outcome.Result.Succeeded, outcome.Result.Error);
        Assert.Equal(40, outcome.Points);
        Assert.Equal(40, (await factory.BalanceAsync(s)).ActivePoints);
        var lot = Assert.Single(await factory.LotsAsync(s));
        Assert.Equal(40, lot.Remaining);
        Assert.Empty(await factory.CheckInvariantsAsync(s));
    }

    [Fact]
    public async Task The_same_external_id_twice_earns_once()
    {
        var s = await factory.SetupAsync();
        var first = await factory.PurchaseAsync(s, "R-1", 50m);
        var second = await factory.PurchaseAsync(s, "R-1", 50m);

        Assert.False(first.Duplicate);
        Assert.True(second.Duplicate);
        Assert.True(second.Result.Succeeded);
        Assert.Equal(first.PurchaseId, second.PurchaseId);
        Assert.Equal(50, (await factory.BalanceAsync(s)).ActivePoints);
        Assert.Equal(1, await factory.DbAsync(s.Tenant, db => db.Purchases.CountAsync()));
    }

    [Fact]
    public async Task The_same_external_id_sent_20_times_in_parallel_earns_once()
    {
        var s = await factory.SetupAsync();
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => factory.PurchaseAsync(s, "R-PAR", 70m))));

        Assert.All(outcomes, o => Assert.True(o.Result.Succeeded, o.Result.Error));
        Assert.Single(outcomes, o => !o.Duplicate);
        Assert.Single(outcomes.Select(o => o.PurchaseId).Distinct());
        Assert.Equal(70, (await factory.BalanceAsync(s)).ActivePoints);
        Assert.Equal(1, await factory.DbAsync(s.Tenant, db => db.LedgerEntries.CountAsync(e => e.Type == LedgerEntryType.Earn)));
        Assert.Empty(await factory.CheckInvariantsAsync(s));
    }

    [Fact]
    public async Task Twenty_parallel_redemptions_against_a_balance_for_five_never_overdraw()
    {
        var s = await factory.SetupAsync();
        await factory.PurchaseAsync(s, "R-1", 500m);
        var rewardId = await factory.AddRewardAsync(s.Tenant, s.ProgramId, 100);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => factory.RedeemAsync(s, rewardId))));

        Assert.Equal(5, outcomes.Count(o => o.Result.Succeeded));
        Assert.All(outcomes.Where(o => !o.Result.Succeeded), o => Assert.StartsWith("Not enough", o.Result.Error, StringComparison.Ordinal));
        Assert.All(outcomes.Where(o => !o.Result.Succeeded), o => Assert.Equal(LoyaltyErrors.InsufficientPoints, o.Result.Code));
        Assert.Equal(0, (await factory.BalanceAsync(s)).ActivePoints);
        Assert.Equal(5, await factory.DbAsync(s.Tenant, db => db.Redemptions.CountAsync()));
        Assert.Equal(5, outcomes.Where(o => o.Result.Succeeded).Select(o => o.Redemption!.Code).Distinct().Count());
        Assert.All(await factory.LotsAsync(s), l => Assert.True(l.Remaining >= 0));
        Assert.Empty(await factory.CheckInvariantsAsync(s));
    }

    [Fact]
    public async Task Parallel_redemptions_respect_limited_stock()
    {
        var s = await factory.SetupAsync();
        await factory.PurchaseAsync(s, "R-1", 1000m);
        var rewardId = await factory.AddRewardAsync(s.Tenant, s.ProgramId, 10, r => r.Stock = 3);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => factory.RedeemAsync(s, rewardId))));

        Assert.Equal(3, outcomes.Count(o => o.Result.Succeeded));
        Assert.Equal(970, (await factory.BalanceAsync(s)).ActivePoints);
        Assert.Equal(3, await factory.DbAsync(s.Tenant, db => db.Rewards.Where(r => r.Id == rewardId).Select(r => r.IssuedCount).SingleAsync()));
    }

    [Fact]
    public async Task Refund_after_partial_redemption_takes_the_rest_of_the_lot_and_leaves_a_debt_paid_by_the_next_points()
    {
        var s = await factory.SetupAsync();
        await factory.PurchaseAsync(s, "R-1", 100m);
        var rewardId = await factory.AddRewardAsync(s.Tenant, s.ProgramId, 60);
        Assert.True((await factory.RedeemAsync(s, rewardId)).Result.Succeeded);

        var refund = await factory.RunAsync(s.Tenant, sp => sp.GetRequiredService<PurchaseRecorder>()
            .RefundAsync(new RefundInput(s.ProgramId, "R-1", "RF-1", null), None));

        Assert.True(refund.Result.Succeeded, refund.Result.Error);
        Assert.Equal(100, refund.PointsReversed);
        Assert.Equal(100m, refund.AmountRefunded);
        Assert.Equal(60, refund.PointsFromDebt);
        Assert.Equal(-60, (await factory.BalanceAsync(s)).ActivePoints);
        Assert.Equal(0, Assert.Single(await factory.LotsAsync(s)).Remaining);

        // the same refund again changes nothing
        var again = await factory.RunAsync(s.Tenant, sp => sp.GetRequiredService<PurchaseRecorder>()
            .RefundAsync(new RefundInput(s.ProgramId, "R-1", "RF-1", null), None));
        Assert.True(again.Duplicate);
        Assert.Equal(-60, (await factory.BalanceAsync(s)).ActivePoints);

        // nothing can be redeemed while in debt; the next purchase pays the debt first
        Assert.False((await factory.RedeemAsync(s, rewardId)).Result.Succeeded);
        await factory.PurchaseAsync(s, "R-2", 100m);
        Assert.Equal(40, (await factory.BalanceAsync(s)).ActivePoints);
        Assert.Equal(40, (await factory.LotsAsync(s))[1].Remaining);
        Assert.Empty(await factory.CheckInvariantsAsync(s));
    }

    [Fact]
    public async Task A_partial_refund_by_line_reverses_what_those_lines_earned()
    {
        var s = await factory.SetupAsync();
        await factory.PurchaseAsync(s, "R-1", 100m, new("A", "Mug", "home", 2, 25m), new("B", "Bag", "home", 1, 50m));

        var refund = await factory.RunAsync(s.Tenant, sp => sp.GetRequiredService<PurchaseRecorder>()
            .RefundAsync(new RefundInput(s.ProgramId, "R-1", "RF-1", [new RefundLineInput("A", 1)]), None));

        Assert.True(refund.Result.Succeeded, refund.Result.Error);
        Assert.Equal(25, refund.PointsReversed);
        Assert.Equal(25m, refund.AmountRefunded);
        Assert.Equal(0, refund.PointsFromDebt);
        Assert.Equal(75, (await factory.BalanceAsync(s)).ActivePoints);

        var tooMany = await factory.RunAsync(s.Tenant, sp => sp.GetRequiredService<PurchaseRecorder>()
            .RefundAsync(new RefundInput(s.ProgramId, "R-1", "RF-2", [new RefundLineInput("A", 2)]), None));
        Assert.False(tooMany.Result.Succeeded);
        Assert.Empty(await factory.CheckInvariantsAsync(s));
    }

    [Fact]
    public async Task Expiry_takes_what_is_left_of_a_partly_spent_lot()
    {
        var s = await factory.SetupAsync(p => { p.ExpiryKind = ExpiryKind.AfterDays; p.ExpiryDays = 30; });
        await factory.PurchaseAsync(s, "R-1", 100m);
        var rewardId = await factory.AddRewardAsync(s.Tenant, s.ProgramId, 30);
        Assert.True((await factory.RedeemAsync(s, rewardId)).Result.Succeeded);
        factory.Clock.Advance(TimeSpan.FromDays(20));
        await factory.PurchaseAsync(s, "R-2", 50m);

        factory.Clock.Advance(TimeSpan.FromDays(11));
        await factory.RunJobAsync<ExpirePointsJob>(s);

        Assert.Equal(50, (await factory.BalanceAsync(s)).ActivePoints);
        var lots = await factory.LotsAsync(s);
        Assert.Equal([0, 50], lots.Select(l => l.Remaining));
        var expiry = await factory.DbAsync(s.Tenant, db => db.LedgerEntries.Include(e => e.Allocations).SingleAsync(e => e.Type == LedgerEntryType.Expire));
        Assert.Equal(-70, expiry.ActiveDelta);
        Assert.Equal(lots[0].Id, expiry.LotId);
        Assert.Equal(-70, Assert.Single(expiry.Allocations).Points);

        // running again expires nothing more
        await factory.RunJobAsync<ExpirePointsJob>(s);
        Assert.Equal(50, (await factory.BalanceAsync(s)).ActivePoints);
        Assert.Empty(await factory.CheckInvariantsAsync(s));
    }

    [Fact]
    public async Task Inactivity_expiry_takes_everything_after_the_quiet_period()
    {
        var s = await factory.SetupAsync(p => { p.ExpiryKind = ExpiryKind.Inactivity; p.ExpiryDays = 90; });
        await factory.PurchaseAsync(s, "R-1", 80m);
        factory.Clock.Advance(TimeSpan.FromDays(89));
        await factory.RunJobAsync<ExpirePointsJob>(s);
        Assert.Equal(80, (await factory.BalanceAsync(s)).ActivePoints);

        factory.Clock.Advance(TimeSpan.FromDays(2));
        await factory.RunJobAsync<ExpirePointsJob>(s);
        Assert.Equal(0, (await factory.BalanceAsync(s)).ActivePoints);
        Assert.Empty(await factory.CheckInvariantsAsync(s));
    }

    [Fact]
    public async Task Pending_points_are_locked_until_the_return_window_ends_and_count_for_tiers_only_then()
    {
        var s = await factory.SetupAsync(p =>
        {
            p.PendingDays = 14;
            p.Tiers.Add(new Tier { Name = "Member", Rank = 0, Threshold = 0 });
            p.Tiers.Add(new Tier { Name = "Silver", Rank = 1, Threshold = 100 });
        });
        var outcome = await factory.PurchaseAsync(s, "R-1", 120m);
        Assert.True(outcome.Pending);

        var balance = await factory.BalanceAsync(s);
        Assert.Equal((0, 120), (balance.ActivePoints, balance.PendingPoints));
        Assert.Equal("Member", balance.TierName);
        var rewardId = await factory.AddRewardAsync(s.Tenant, s.ProgramId, 50);
        Assert.False((await factory.RedeemAsync(s, rewardId)).Result.Succeeded);

        factory.Clock.Advance(TimeSpan.FromDays(13));
        await factory.RunJobAsync<ReleasePendingPointsJob>(s);
        Assert.Equal(120, (await factory.BalanceAsync(s)).PendingPoints);

        factory.Clock.Advance(TimeSpan.FromDays(1));
        await factory.RunJobAsync<ReleasePendingPointsJob>(s);
        balance = await factory.BalanceAsync(s);
        Assert.Equal((120, 0), (balance.ActivePoints, balance.PendingPoints));
        Assert.Equal("Silver", balance.TierName);
        Assert.True((await factory.RedeemAsync(s, rewardId)).Result.Succeeded);
        Assert.Empty(await factory.CheckInvariantsAsync(s));
    }

    [Fact]
    public async Task A_refund_inside_the_return_window_takes_the_pending_points()
    {
        var s = await factory.SetupAsync(p => p.PendingDays = 14);
        await factory.PurchaseAsync(s, "R-1", 120m);
        var refund = await factory.RunAsync(s.Tenant, sp => sp.GetRequiredService<PurchaseRecorder>()
            .RefundAsync(new RefundInput(s.ProgramId, "R-1", "RF-1", null), None));

        Assert.Equal(120, refund.PointsReversed);
        var balance = await factory.BalanceAsync(s);
        Assert.Equal((0, 0), (balance.ActivePoints, balance.PendingPoints));
        factory.Clock.Advance(TimeSpan.FromDays(15));
        await factory.RunJobAsync<ReleasePendingPointsJob>(s);
        Assert.Equal(0, (await factory.BalanceAsync(s)).ActivePoints);
        Assert.Empty(await factory.CheckInvariantsAsync(s));
    }

    [Fact]
    public async Task Tier_goes_down_at_the_end_of_the_rolling_window_and_history_is_kept()
    {
        var s = await factory.SetupAsync(p =>
        {
            p.TierWindowMonths = 12;
            p.TierDowngradePolicy = TierDowngradePolicy.Recalculate;
            p.Tiers.Add(new Tier { Name = "Member", Rank = 0, Threshold = 0 });
            p.Tiers.Add(new Tier { Name = "Gold", Rank = 1, Threshold = 500, Benefits = [new TierBenefit { Kind = TierBenefitKind.EarnMultiplier, Value = 2 }] });
        });
        await factory.PurchaseAsync(s, "R-1", 600m);
        Assert.Equal("Gold", (await factory.BalanceAsync(s)).TierName);

        // Gold earns double
        Assert.Equal(20, (await factory.PurchaseAsync(s, "R-2", 10m)).Points);

        factory.Clock.Advance(TimeSpan.FromDays(180));
        await factory.RunJobAsync<TierDowngradeJob>(s);
        Assert.Equal("Gold", (await factory.BalanceAsync(s)).TierName);

        factory.Clock.Advance(TimeSpan.FromDays(190));
        await factory.RunJobAsync<TierDowngradeJob>(s);
        Assert.Equal("Member", (await factory.BalanceAsync(s)).TierName);

        var history = await factory.RunAsync(s.Tenant, sp => sp.GetRequiredService<TierService>().GetHistoryAsync(s.MembershipId, None));
        Assert.Equal(
            new (string?, string?, TierChangeReason)[] { ("Gold", "Member", TierChangeReason.Scheduled), (null, "Gold", TierChangeReason.Activity) },
            history.Select(h => (h.From, h.To, h.Reason)));
    }

    [Fact]
    public async Task Cancelling_an_unused_code_gives_the_points_back_to_the_lots_they_came_from()
    {
        var s = await factory.SetupAsync(p => { p.ExpiryKind = ExpiryKind.AfterDays; p.ExpiryDays = 365; });
        await factory.PurchaseAsync(s, "R-1", 30m);
        factory.Clock.Advance(TimeSpan.FromDays(1));
        await factory.PurchaseAsync(s, "R-2", 100m);
        var rewardId = await factory.AddRewardAsync(s.Tenant, s.ProgramId, 50);
        var redeemed = await factory.RedeemAsync(s, rewardId);
        Assert.Equal([0, 80], (await factory.LotsAsync(s)).Select(l => l.Remaining));

        var cancelled = await factory.RunAsync(s.Tenant, sp => sp.GetRequiredService<RewardRedemptions>().CancelAsync(redeemed.Redemption!.Code.ToLowerInvariant(), None));

        Assert.True(cancelled.Succeeded, cancelled.Error);
        Assert.Equal([30, 100], (await factory.LotsAsync(s)).Select(l => l.Remaining));
        Assert.Equal(130, (await factory.BalanceAsync(s)).ActivePoints);
        var entry = await factory.DbAsync(s.Tenant, db => db.LedgerEntries.Include(e => e.Allocations).SingleAsync(e => e.Type == LedgerEntryType.CancelRedemption));
        Assert.Equal([30, 20], entry.Allocations.OrderBy(a => a.LotId).Select(a => a.Points));

        var twice = await factory.RunAsync(s.Tenant, sp => sp.GetRequiredService<RewardRedemptions>().CancelAsync(redeemed.Redemption!.Code, None));
        Assert.False(twice.Succeeded);
        var consume = await factory.RunAsync(s.Tenant, sp => sp.GetRequiredService<RewardRedemptions>().ConsumeAsync(redeemed.Redemption!.Code, "main", None));
        Assert.False(consume.Succeeded);
        Assert.Equal(0, await factory.DbAsync(s.Tenant, db => db.Rewards.Where(r => r.Id == rewardId).Select(r => r.IssuedCount).SingleAsync()));
        Assert.Empty(await factory.CheckInvariantsAsync(s));
    }

    [Fact]
    public async Task A_code_validates_is_consumed_once_and_cannot_then_be_cancelled()
    {
        var s = await factory.SetupAsync();
        await factory.PurchaseAsync(s, "R-1", 100m);
        var rewardId = await factory.AddRewardAsync(s.Tenant, s.ProgramId, 40, r => { r.Kind = RewardKind.Voucher; r.PerMemberLimit = 1; });
        await factory.DbAsync(s.Tenant, async db =>
        {
            db.RewardCodes.Add(new RewardCode { RewardId = rewardId, Code = "PARTNER-1" });
            return await db.SaveChangesAsync();
        });
        var redeemed = await factory.RedeemAsync(s, rewardId);
        Assert.True(redeemed.Result.Succeeded, redeemed.Result.Error);
        Assert.Equal("PARTNER-1", redeemed.Redemption!.VoucherCode);
        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{10}$", redeemed.Redemption.Code);
        var again = (await factory.RedeemAsync(s, rewardId)).Result;
        Assert.Equal("You have already redeemed this reward as often as allowed.", again.Error);
        Assert.Equal(LoyaltyErrors.RewardLimitReached, again.Code);

        var code = redeemed.Redemption.Code;
        var view = await factory.RunAsync(s.Tenant, sp => sp.GetRequiredService<RewardRedemptions>().ValidateAsync($"{code[..5]}-{code[5..]}", None));
        Assert.True(view!.IsUsable);
        Assert.True((await factory.RunAsync(s.Tenant, sp => sp.GetRequiredService<RewardRedemptions>().ConsumeAsync(code, "main", None))).Succeeded);
        Assert.Equal(LoyaltyErrors.CodeUsed, (await factory.RunAsync(s.Tenant, sp => sp.GetRequiredService<RewardRedemptions>().ConsumeAsync(code, "main", None))).Code);
        Assert.Equal(LoyaltyErrors.CodeUsed, (await factory.RunAsync(s.Tenant, sp => sp.GetRequiredService<RewardRedemptions>().CancelAsync(code, None))).Code);
        Assert.Equal(LoyaltyErrors.UnknownCode, (await factory.RunAsync(s.Tenant, sp => sp.GetRequiredService<RewardRedemptions>().ConsumeAsync("ZZZZZZZZZZ", "main", None))).Code);
        Assert.Equal(60, (await factory.BalanceAsync(s)).ActivePoints);
    }

    [Fact]
    public async Task An_expired_code_cannot_be_consumed()
    {
        var s = await factory.SetupAsync();
        await factory.PurchaseAsync(s, "R-1", 100m);
        var rewardId = await factory.AddRewardAsync(s.Tenant, s.ProgramId, 40, r => r.CodeValidDays = 7);
        var code = (await factory.RedeemAsync(s, rewardId)).Redemption!.Code;
        factory.Clock.Advance(TimeSpan.FromDays(8));

        var consume = await factory.RunAsync(s.Tenant, sp => sp.GetRequiredService<RewardRedemptions>().ConsumeAsync(code, "main", None));
        Assert.Equal("This code has expired.", consume.Error);
        Assert.Equal(LoyaltyErrors.CodeExpired, consume.Code);
    }

    [Fact]
    public async Task The_invariant_check_reports_a_tampered_cached_balance()
    {
        var s = await factory.SetupAsync();
        await factory.PurchaseAsync(s, "R-1", 100m);
        Assert.Empty(await factory.CheckInvariantsAsync(s));

        await factory.DbAsync(s.Tenant, db => db.Database.ExecuteSqlAsync($"UPDATE LoyaltyMemberships SET ActivePoints = ActivePoints + 7 WHERE Id = {s.MembershipId}"));
        await factory.RunJobAsync<LedgerInvariantCheckJob>(s);

        var breaches = await factory.DbAsync(s.Tenant, db => db.LoyaltyInvariantBreaches.AsNoTracking().ToListAsync());
        var balance = Assert.Single(breaches, b => b.Kind == "ActiveBalance");
        Assert.Equal(s.MembershipId, balance.MembershipId);
        Assert.Contains("107", balance.Details, StringComparison.Ordinal);
        Assert.DoesNotContain(breaches, b => b.Kind == "LotSum"); // the lots still agree with the ledger: only the cache is wrong

        // a second run reports again but stores no duplicate open rows
        await factory.RunJobAsync<LedgerInvariantCheckJob>(s);
        Assert.Equal(breaches.Count, await factory.DbAsync(s.Tenant, db => db.LoyaltyInvariantBreaches.CountAsync()));
    }

    [Fact]
    public async Task The_invariant_check_reports_a_tampered_lot()
    {
        var s = await factory.SetupAsync();
        await factory.PurchaseAsync(s, "R-1", 100m);
        await factory.DbAsync(s.Tenant, db => db.Database.ExecuteSqlAsync($"UPDATE PointLots SET Remaining = 90 WHERE MembershipId = {s.MembershipId}"));

        var breaches = await factory.CheckInvariantsAsync(s);
        Assert.Contains(breaches, b => b.Kind == "LotAllocations" && b.LotId != null);
    }

    [Fact]
    public async Task An_adjustment_needs_a_manager_and_a_reason_and_records_both()
    {
        var s = await factory.SetupAsync();
        await factory.PurchaseAsync(s, "R-1", 20m);
        var manager = new StaffActor("staff-1", IsManager: true);

        Task<LedgerOutcome> Adjust(int points, string? reason, StaffActor staff) =>
            factory.RunAsync(s.Tenant, sp => sp.GetRequiredService<LoyaltyLedger>().AdjustAsync(s.MembershipId, points, reason, staff, None));

        Assert.Equal("Give a reason for the adjustment.", (await Adjust(10, null, manager)).Result.Error);
        Assert.Equal("Give a reason for the adjustment.", (await Adjust(10, "   ", manager)).Result.Error);
        Assert.Equal("Only a manager can adjust points.", (await Adjust(10, "Goodwill", new StaffActor("agent-1", IsManager: false))).Result.Error);
        Assert.Equal(LoyaltyErrors.ReasonRequired, (await Adjust(10, new string('x', LoyaltyLedger.MaxReasonLength + 1), manager)).Result.Code);
        Assert.Equal(LoyaltyErrors.NotManager, (await Adjust(10, "Goodwill", new StaffActor("agent-1", IsManager: false))).Result.Code);
        Assert.Equal(LoyaltyErrors.InvalidInput, (await Adjust(0, "Goodwill", manager)).Result.Code);
        Assert.Equal(LoyaltyErrors.InsufficientPoints, (await Adjust(-21, "Correction", manager)).Result.Code);
        Assert.Equal(20, (await factory.BalanceAsync(s)).ActivePoints);

        var credit = await Adjust(15, "Goodwill after a late order", manager);
        var debit = await Adjust(-5, "Double scan", manager);
        Assert.True(credit.Result.Succeeded && debit.Result.Succeeded);
        Assert.Equal(30, (await factory.BalanceAsync(s)).ActivePoints);
        var entries = await factory.DbAsync(s.Tenant, db => db.LedgerEntries.AsNoTracking().Where(e => e.Type == LedgerEntryType.Adjust).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal([(15, "Goodwill after a late order", "staff-1"), (-5, "Double scan", "staff-1")], entries.Select(e => (e.ActiveDelta, e.Reason!, e.StaffUserId!)));
        Assert.Empty(await factory.CheckInvariantsAsync(s));
    }

    [Fact]
    public async Task Bonuses_are_credited_once_per_source()
    {
        var s = await factory.SetupAsync(rules: p =>
        {
            p.EarnRules.Add(new EarnRule { Kind = EarnRuleKind.SignUpBonus, BonusPoints = 25, Name = "Welcome" });
            p.EarnRules.Add(new EarnRule { Kind = EarnRuleKind.ReviewBonus, BonusPoints = 10, Name = "Review" });
        });
        Assert.Equal(25, (await factory.BalanceAsync(s)).ActivePoints);

        var first = await factory.RunAsync(s.Tenant, sp => sp.GetRequiredService<LoyaltyLedger>().AwardBonusAsync(s.MembershipId, EarnRuleKind.ReviewBonus, "review-7", None));
        var again = await factory.RunAsync(s.Tenant, sp => sp.GetRequiredService<LoyaltyLedger>().AwardBonusAsync(s.MembershipId, EarnRuleKind.ReviewBonus, "review-7", None));
        Assert.Equal(10, first.Points);
        Assert.True(again.Duplicate);
        Assert.Equal(35, (await factory.BalanceAsync(s)).ActivePoints);

        // joining twice returns the same membership and no second sign-up bonus
        var rejoin = await factory.RunAsync(s.Tenant, sp => sp.GetRequiredService<LoyaltyLedger>().JoinAsync(s.ProgramId, s.CustomerId, None));
        Assert.Equal((s.MembershipId, false), (rejoin.MembershipId!.Value, rejoin.Created));
        Assert.Equal(35, (await factory.BalanceAsync(s)).ActivePoints);
    }
}
