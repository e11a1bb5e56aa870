using VibeCrm.Data.Loyalty;
using VibeCrm.Web.Features.Loyalty.Rules;

namespace VibeCrm.UnitTests.Loyalty;

public sealed class EarnCalculatorTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    // Wednesday 2026-03-11 12:00 UTC (13:00 in Paris)
    private static readonly DateTimeOffset Wednesday = new(2026, 3, 11, 12, 0, 0, TimeSpan.Zero);

    private static LoyaltyProgram Program(decimal rate = 1m, EarnRounding rounding = EarnRounding.Down) =>
        new() { PointsPerCurrencyUnit = rate, Rounding = rounding, TimeZoneId = "Europe/Paris" };

    private static EarnContext At(DateTimeOffset at) => new(at, Paris);

    [Fact]
    public void Base_rate_applies_to_the_amount_and_rounds_down()
    {
        var result = EarnCalculator.Calculate(Program(), [], 12.99m, [new EarnLine("A", null, 1, 12.99m)], At(Wednesday));
        Assert.Equal(12, result.Points);
    }

    [Fact]
    public void Nearest_rounding_rounds_halves_up_once_per_purchase()
    {
        var lines = new[] { new EarnLine("A", null, 1, 0.5m), new EarnLine("B", null, 1, 0.5m), new EarnLine("C", null, 1, 1.5m) };
        Assert.Equal(3, EarnCalculator.Calculate(Program(rounding: EarnRounding.Nearest), [], 2.5m, lines, At(Wednesday)).Points);
        Assert.Equal(2, EarnCalculator.Calculate(Program(rounding: EarnRounding.Down), [], 2.5m, lines, At(Wednesday)).Points);
    }

    [Fact]
    public void Rounding_is_per_purchase_so_small_lines_add_up()
    {
        var lines = Enumerable.Range(0, 10).Select(i => new EarnLine($"S{i}", null, 1, 0.5m)).ToList();
        var result = EarnCalculator.Calculate(Program(), [], 5m, lines, At(Wednesday));
        Assert.Equal(5, result.Points);
        Assert.Equal(5, result.LinePoints.Sum());
    }

    [Fact]
    public void Sku_multiplier_beats_category_multiplier_and_they_do_not_compound()
    {
        var rules = new List<EarnRule>
        {
            new() { Kind = EarnRuleKind.CategoryMultiplier, Category = "coffee", Multiplier = 2, Name = "Coffee x2" },
            new() { Kind = EarnRuleKind.SkuMultiplier, Sku = "ESP", Multiplier = 3, Name = "Espresso x3" },
        };
        var lines = new[]
        {
            new EarnLine("ESP", "coffee", 1, 10m),   // 30
            new EarnLine("LAT", "Coffee", 1, 10m),   // 20 (category match is case-insensitive)
            new EarnLine("CAKE", "food", 1, 10m),    // 10
        };
        var result = EarnCalculator.Calculate(Program(), rules, 30m, lines, At(Wednesday));
        Assert.Equal(60, result.Points);
        Assert.Equal([30, 20, 10], result.LinePoints);
        Assert.Contains("Espresso x3", result.AppliedRules);
    }

    [Fact]
    public void Order_discount_scales_the_lines_down_to_the_total()
    {
        var result = EarnCalculator.Calculate(Program(), [], 80m, [new EarnLine("A", null, 2, 50m)], At(Wednesday));
        Assert.Equal(80, result.Points);
    }

    [Fact]
    public void Double_points_day_applies_on_its_weekday_in_the_program_time_zone()
    {
        var rules = new List<EarnRule>
        {
            new() { Kind = EarnRuleKind.PromotionMultiplier, Multiplier = 2, WeekdayMask = EarnRule.MaskOf(DayOfWeek.Thursday), Name = "Double Thursday" },
        };
        var lines = new[] { new EarnLine("A", null, 1, 10m) };

        // Wednesday 23:30 UTC is already Thursday 00:30 in Paris
        var lateWednesdayUtc = new DateTimeOffset(2026, 3, 11, 23, 30, 0, TimeSpan.Zero);
        Assert.Equal(20, EarnCalculator.Calculate(Program(), rules, 10m, lines, At(lateWednesdayUtc)).Points);

        // Wednesday 22:30 UTC is still Wednesday 23:30 in Paris
        var wednesdayNight = new DateTimeOffset(2026, 3, 11, 22, 30, 0, TimeSpan.Zero);
        Assert.Equal(10, EarnCalculator.Calculate(Program(), rules, 10m, lines, At(wednesdayNight)).Points);
    }

    [Fact]
    public void Promotion_date_range_is_inclusive_and_the_highest_promotion_wins()
    {
        var rules = new List<EarnRule>
        {
            new() { Kind = EarnRuleKind.PromotionMultiplier, Multiplier = 2, StartsOn = new DateOnly(2026, 3, 1), EndsOn = new DateOnly(2026, 3, 11), Name = "March x2" },
            new() { Kind = EarnRuleKind.PromotionMultiplier, Multiplier = 3, StartsOn = new DateOnly(2026, 3, 11), EndsOn = new DateOnly(2026, 3, 11), Name = "Flash x3" },
            new() { Kind = EarnRuleKind.PromotionMultiplier, Multiplier = 5, StartsOn = new DateOnly(2026, 3, 12), Name = "Later x5" },
        };
        var result = EarnCalculator.Calculate(Program(), rules, 10m, [new EarnLine("A", null, 1, 10m)], At(Wednesday));
        Assert.Equal(30, result.Points);
        Assert.Equal(3m, result.PromotionMultiplier);
    }

    [Fact]
    public void Birthday_month_multiplier_and_tier_multiplier_compound()
    {
        var rules = new List<EarnRule> { new() { Kind = EarnRuleKind.BirthdayMonth, Multiplier = 2, Name = "Birthday x2" } };
        var lines = new[] { new EarnLine("A", null, 1, 10m) };
        var inMonth = new EarnContext(Wednesday, Paris, Birthday: new DateOnly(1990, 3, 30), TierMultiplier: 1.5m);
        var otherMonth = inMonth with { Birthday = new DateOnly(1990, 4, 1) };
        Assert.Equal(30, EarnCalculator.Calculate(Program(), rules, 10m, lines, inMonth).Points);
        Assert.Equal(15, EarnCalculator.Calculate(Program(), rules, 10m, lines, otherMonth).Points);
    }

    [Fact]
    public void First_purchase_bonus_is_added_only_to_the_first_purchase()
    {
        var rules = new List<EarnRule> { new() { Kind = EarnRuleKind.FirstPurchaseBonus, BonusPoints = 50, Name = "Welcome" } };
        var lines = new[] { new EarnLine("A", null, 1, 10m) };
        var first = EarnCalculator.Calculate(Program(), rules, 10m, lines, new EarnContext(Wednesday, Paris, IsFirstPurchase: true));
        Assert.Equal(60, first.Points);
        Assert.Equal(50, first.BonusPoints);
        Assert.Equal([10], first.LinePoints);
        Assert.Equal(10, EarnCalculator.Calculate(Program(), rules, 10m, lines, At(Wednesday)).Points);
    }

    [Fact]
    public void Inactive_rules_are_ignored()
    {
        var rules = new List<EarnRule> { new() { Kind = EarnRuleKind.PromotionMultiplier, Multiplier = 2, IsActive = false, Name = "Off" } };
        Assert.Equal(10, EarnCalculator.Calculate(Program(), rules, 10m, [new EarnLine("A", null, 1, 10m)], At(Wednesday)).Points);
    }

    [Fact]
    public void Caps_per_purchase_day_and_month_cut_the_points_and_report_it()
    {
        var program = Program();
        program.MaxPointsPerPurchase = 100;
        var lines = new[] { new EarnLine("A", null, 1, 250m) };
        var result = EarnCalculator.Calculate(program, [], 250m, lines, At(Wednesday));
        Assert.Equal(100, result.Points);
        Assert.Equal(150, result.CappedPoints);
        Assert.Equal([100], result.LinePoints);

        program.MaxPointsPerPurchase = null;
        program.MaxPointsPerDay = 300;
        Assert.Equal(50, EarnCalculator.Calculate(program, [], 250m, lines, new EarnContext(Wednesday, Paris, EarnedToday: 250)).Points);
        Assert.Equal(0, EarnCalculator.Calculate(program, [], 250m, lines, new EarnContext(Wednesday, Paris, EarnedToday: 400)).Points);

        program.MaxPointsPerDay = null;
        program.MaxPointsPerMonth = 1000;
        Assert.Equal(20, EarnCalculator.Calculate(program, [], 250m, lines, new EarnContext(Wednesday, Paris, EarnedThisMonth: 980)).Points);
    }

    [Fact]
    public void A_capped_purchase_keeps_the_bonus_and_cuts_the_lines()
    {
        var program = Program();
        program.MaxPointsPerPurchase = 60;
        var rules = new List<EarnRule> { new() { Kind = EarnRuleKind.FirstPurchaseBonus, BonusPoints = 50, Name = "Welcome" } };
        var result = EarnCalculator.Calculate(program, rules, 100m, [new EarnLine("A", null, 1, 100m)], new EarnContext(Wednesday, Paris, IsFirstPurchase: true));
        Assert.Equal(60, result.Points);
        Assert.Equal(50, result.BonusPoints);
        Assert.Equal([10], result.LinePoints);
    }

    [Fact]
    public void Line_points_are_distributed_exactly_by_largest_remainder()
    {
        var parts = EarnCalculator.Distribute(10, [1m, 1m, 1m]);
        Assert.Equal(10, parts.Sum());
        Assert.Equal([4, 3, 3], parts);
    }

    [Fact]
    public void A_purchase_without_lines_earns_on_its_total()
    {
        var result = EarnCalculator.Calculate(Program(2m), [], 7.5m, [], At(Wednesday));
        Assert.Equal(15, result.Points);
        Assert.Empty(result.LinePoints);
    }

    [Fact]
    public void Bonus_sums_the_rules_of_the_kind_valid_that_day()
    {
        var rules = new List<EarnRule>
        {
            new() { Kind = EarnRuleKind.ReviewBonus, BonusPoints = 20, Name = "Review" },
            new() { Kind = EarnRuleKind.ReviewBonus, BonusPoints = 5, EndsOn = new DateOnly(2026, 1, 1), Name = "Old" },
            new() { Kind = EarnRuleKind.ReferralBonus, BonusPoints = 100, Name = "Referral" },
        };
        Assert.Equal(20, EarnCalculator.Bonus(rules, EarnRuleKind.ReviewBonus, Wednesday, Paris));
        Assert.Equal(100, EarnCalculator.Bonus(rules, EarnRuleKind.ReferralBonus, Wednesday, Paris));
        Assert.Equal(0, EarnCalculator.Bonus(rules, EarnRuleKind.SignUpBonus, Wednesday, Paris));
    }
}
