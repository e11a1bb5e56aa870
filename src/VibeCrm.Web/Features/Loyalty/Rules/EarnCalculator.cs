using VibeCrm.Data.Loyalty;

namespace VibeCrm.Web.Features.Loyalty.Rules;

/// <summary>A purchase line as the earn rules see it.</summary>
public sealed record EarnLine(string? Sku, string? Category, decimal Quantity, decimal UnitPrice)
{
    public decimal Amount => Quantity * UnitPrice;
}

/// <summary>What the rules need to know besides the purchase.</summary>
/// <param name="EarnedToday">Purchase points already earned on the same local day (for the day cap).</param>
/// <param name="EarnedThisMonth">Purchase points already earned in the same local month (for the month cap).</param>
public sealed record EarnContext(
    DateTimeOffset OccurredAt,
    TimeZoneInfo TimeZone,
    DateOnly? Birthday = null,
    bool IsFirstPurchase = false,
    decimal TierMultiplier = 1m,
    int EarnedToday = 0,
    int EarnedThisMonth = 0);

/// <param name="Points">Everything the purchase earns, bonus included, after caps.</param>
/// <param name="BonusPoints">The flat part (first-purchase bonus), included in <paramref name="Points"/>.</param>
/// <param name="LinePoints">Each line's share of <c>Points - BonusPoints</c>, in line order.</param>
/// <param name="CappedPoints">Points cut by the per-purchase, day or month caps.</param>
public sealed record EarnResult(int Points, int BonusPoints, IReadOnlyList<int> LinePoints, decimal PromotionMultiplier, int CappedPoints, IReadOnlyList<string> AppliedRules);

/// <summary>
/// Points of a purchase. Policy:
/// <list type="bullet">
/// <item>Base: amount × <see cref="LoyaltyProgram.PointsPerCurrencyUnit"/>. When the lines add up to more than the total
/// (an order discount), every line is scaled down to the total.</item>
/// <item>Line multiplier: the highest matching SKU rule, else the highest matching category rule, else 1 (they do not compound).</item>
/// <item>Promotion multiplier for the whole purchase: the highest of the double-points rules that match the local day
/// (date range and weekdays, in the program's time zone) and the birthday-month rule; they do not compound. The tier's
/// earn multiplier does compound with them.</item>
/// <item>Rounding once per purchase (down or nearest, halves away from zero) — never per line, so many small lines lose nothing.</item>
/// <item>First-purchase bonus added after rounding.</item>
/// <item>Caps apply to the purchase's total (bonus included): per purchase, then what is left of the day's and the month's allowance.
/// The bonus is kept first, lines are cut.</item>
/// </list>
/// </summary>
public static class EarnCalculator
{
    public static EarnResult Calculate(LoyaltyProgram program, IReadOnlyList<EarnRule> rules, decimal total, IReadOnlyList<EarnLine> lines, EarnContext context)
    {
        var day = LocalDate(context.OccurredAt, context.TimeZone);
        var applied = new List<string>();
        var active = rules.Where(r => r.IsActive && AppliesOn(r, day)).ToList();

        var effectiveLines = lines.Count > 0 ? lines : [new EarnLine(null, null, 1, Math.Max(0, total))];
        var linesSum = effectiveLines.Sum(l => Math.Max(0, l.Amount));
        var scale = total >= 0 && linesSum > total && linesSum > 0 ? total / linesSum : 1m;

        var promotion = 1m;
        foreach (var rule in active.Where(r => r.Multiplier is > 0))
        {
            var matches = rule.Kind switch
            {
                EarnRuleKind.PromotionMultiplier => true,
                EarnRuleKind.BirthdayMonth => context.Birthday is { } b && b.Month == day.Month,
                _ => false,
            };
            if (matches && rule.Multiplier!.Value > promotion)
            {
                promotion = rule.Multiplier.Value;
                applied.Add(rule.Name);
            }
        }

        var tierMultiplier = context.TierMultiplier > 0 ? context.TierMultiplier : 1m;
        var raw = new decimal[effectiveLines.Count];
        for (var i = 0; i < effectiveLines.Count; i++)
        {
            var line = effectiveLines[i];
            var multiplier = LineMultiplier(active, line, applied);
            raw[i] = Math.Max(0, line.Amount) * scale * program.PointsPerCurrencyUnit * multiplier * promotion * tierMultiplier;
        }

        var basePoints = Round(raw.Sum(), program.Rounding);
        var bonus = 0;
        if (context.IsFirstPurchase)
        {
            foreach (var rule in active.Where(r => r.Kind == EarnRuleKind.FirstPurchaseBonus && r.BonusPoints is > 0))
            {
                bonus += rule.BonusPoints!.Value;
                applied.Add(rule.Name);
            }
        }

        var uncapped = basePoints + bonus;
        var points = uncapped;
        if (program.MaxPointsPerPurchase is { } perPurchase)
        {
            points = Math.Min(points, Math.Max(0, perPurchase));
        }

        if (program.MaxPointsPerDay is { } perDay)
        {
            points = Math.Min(points, Math.Max(0, perDay - context.EarnedToday));
        }

        if (program.MaxPointsPerMonth is { } perMonth)
        {
            points = Math.Min(points, Math.Max(0, perMonth - context.EarnedThisMonth));
        }

        var keptBonus = Math.Min(bonus, points);
        var linePoints = Distribute(points - keptBonus, raw);
        if (lines.Count == 0)
        {
            linePoints = [];
        }

        return new EarnResult(points, keptBonus, linePoints, promotion, uncapped - points, applied);
    }

    /// <summary>Flat points of the bonus rules of <paramref name="kind"/> valid on the local day of <paramref name="at"/>.</summary>
    public static int Bonus(IReadOnlyList<EarnRule> rules, EarnRuleKind kind, DateTimeOffset at, TimeZoneInfo timeZone)
    {
        var day = LocalDate(at, timeZone);
        return rules.Where(r => r.IsActive && r.Kind == kind && r.BonusPoints is > 0 && AppliesOn(r, day)).Sum(r => r.BonusPoints!.Value);
    }

    public static int Round(decimal points, EarnRounding rounding) => rounding switch
    {
        EarnRounding.Nearest => (int)Math.Round(points, MidpointRounding.AwayFromZero),
        _ => (int)Math.Floor(points),
    };

    public static DateOnly LocalDate(DateTimeOffset at, TimeZoneInfo timeZone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, timeZone).DateTime);

    public static bool AppliesOn(EarnRule rule, DateOnly day) =>
        (rule.StartsOn is null || rule.StartsOn <= day)
        && (rule.EndsOn is null || rule.EndsOn >= day)
        && (rule.WeekdayMask == 0 || (rule.WeekdayMask & (1 << (int)day.DayOfWeek)) != 0);

    /// <summary>Splits <paramref name="points"/> in proportion to <paramref name="weights"/> (largest remainder): the parts add up exactly.</summary>
    public static int[] Distribute(int points, IReadOnlyList<decimal> weights)
    {
        var parts = new int[weights.Count];
        var sum = weights.Sum();
        if (points <= 0 || sum <= 0)
        {
            return parts;
        }

        var remainders = new decimal[weights.Count];
        var given = 0;
        for (var i = 0; i < weights.Count; i++)
        {
            var exact = points * weights[i] / sum;
            parts[i] = (int)Math.Floor(exact);
            remainders[i] = exact - parts[i];
            given += parts[i];
        }

        foreach (var i in Enumerable.Range(0, weights.Count).OrderByDescending(i => remainders[i]).ThenBy(i => i).Take(points - given))
        {
            parts[i]++;
        }

        return parts;
    }

    private static decimal LineMultiplier(List<EarnRule> active, EarnLine line, List<string> applied)
    {
        var sku = active
            .Where(r => r.Kind == EarnRuleKind.SkuMultiplier && r.Multiplier is > 0 && line.Sku is not null && string.Equals(r.Sku, line.Sku, StringComparison.OrdinalIgnoreCase))
            .MaxBy(r => r.Multiplier);
        var rule = sku ?? active
            .Where(r => r.Kind == EarnRuleKind.CategoryMultiplier && r.Multiplier is > 0 && line.Category is not null && string.Equals(r.Category, line.Category, StringComparison.OrdinalIgnoreCase))
            .MaxBy(r => r.Multiplier);
        if (rule is null)
        {
            return 1m;
        }

        if (!applied.Contains(rule.Name, StringComparer.Ordinal))
        {
            applied.Add(rule.Name);
        }

        return rule.Multiplier!.Value;
    }
}
