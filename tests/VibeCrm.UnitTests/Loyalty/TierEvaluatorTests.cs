using VibeCrm.Data.Loyalty;
using VibeCrm.Web.Features.Loyalty.Rules;

namespace VibeCrm.UnitTests.Loyalty;

public sealed class TierEvaluatorTests
{
    private static readonly TierLevel Bronze = new(1, 0, 0);
    private static readonly TierLevel Silver = new(2, 1, 500);
    private static readonly TierLevel Gold = new(3, 2, 1000);
    private static readonly IReadOnlyList<TierLevel> Tiers = [Gold, Bronze, Silver];
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static TierDecision Evaluate(int? current, decimal value, TierDowngradePolicy policy, bool scheduled, DateTimeOffset? reachedAt = null) =>
        TierEvaluator.Evaluate(Tiers, current, reachedAt ?? Now.AddMonths(-1), value, policy, 12, scheduled, Now);

    [Fact]
    public void Qualifies_for_the_highest_threshold_met()
    {
        Assert.Equal(Bronze, TierEvaluator.Qualified(Tiers, 0));
        Assert.Equal(Silver, TierEvaluator.Qualified(Tiers, 999.99m));
        Assert.Equal(Gold, TierEvaluator.Qualified(Tiers, 1000));
        Assert.Null(TierEvaluator.Qualified([Silver], 10));
    }

    [Fact]
    public void Upgrades_at_once_on_activity()
    {
        var decision = Evaluate(Bronze.Id, 1200, TierDowngradePolicy.Never, scheduled: false);
        Assert.Equal(new TierDecision(Gold.Id, true, false), decision);
    }

    [Fact]
    public void A_new_member_gets_the_entry_tier()
    {
        Assert.Equal(new TierDecision(Bronze.Id, true, false), Evaluate(null, 0, TierDowngradePolicy.Never, scheduled: false));
    }

    [Fact]
    public void Activity_never_downgrades()
    {
        Assert.Equal(new TierDecision(Gold.Id, false, false), Evaluate(Gold.Id, 10, TierDowngradePolicy.Recalculate, scheduled: false));
    }

    [Fact]
    public void Scheduled_recalculation_downgrades_to_what_the_window_supports()
    {
        Assert.Equal(new TierDecision(Silver.Id, true, true), Evaluate(Gold.Id, 600, TierDowngradePolicy.Recalculate, scheduled: true));
    }

    [Fact]
    public void Never_policy_keeps_the_tier_even_on_schedule()
    {
        Assert.Equal(new TierDecision(Gold.Id, false, false), Evaluate(Gold.Id, 0, TierDowngradePolicy.Never, scheduled: true));
    }

    [Fact]
    public void Retention_policy_keeps_the_tier_until_it_has_been_held_long_enough()
    {
        Assert.False(Evaluate(Gold.Id, 0, TierDowngradePolicy.AfterRetention, scheduled: true, reachedAt: Now.AddMonths(-11)).Changed);
        Assert.Equal(new TierDecision(Bronze.Id, true, true), Evaluate(Gold.Id, 0, TierDowngradePolicy.AfterRetention, scheduled: true, reachedAt: Now.AddMonths(-12)));
    }

    [Fact]
    public void A_removed_tier_is_replaced_by_the_qualified_one()
    {
        Assert.Equal(new TierDecision(Silver.Id, true, false), Evaluate(99, 700, TierDowngradePolicy.Never, scheduled: false));
    }

    [Fact]
    public void Rolling_window_starts_N_months_back_and_lifetime_has_none()
    {
        Assert.Equal(new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero), TierEvaluator.WindowStart(12, Now));
        Assert.Null(TierEvaluator.WindowStart(null, Now));
    }
}
