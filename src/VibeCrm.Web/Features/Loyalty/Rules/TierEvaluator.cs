using VibeCrm.Data.Loyalty;

namespace VibeCrm.Web.Features.Loyalty.Rules;

public sealed record TierLevel(int Id, int Rank, decimal Threshold);

/// <param name="TierId">The tier the member should hold (null: below every threshold).</param>
public sealed record TierDecision(int? TierId, bool Changed, bool IsDowngrade);

/// <summary>
/// Which tier a member holds. The qualifying value (points earned or money spent, pending excluded) is summed over a rolling
/// window of N months or the lifetime. Upgrades happen at once, on any activity. Downgrades only in the scheduled
/// recalculation, as the program's <see cref="TierDowngradePolicy"/> allows: never; to whatever the window supports;
/// or only once the tier has been held <c>TierRetentionMonths</c>.
/// </summary>
public static class TierEvaluator
{
    /// <summary>Start of the qualification window, or null for lifetime.</summary>
    public static DateTimeOffset? WindowStart(int? windowMonths, DateTimeOffset now) =>
        windowMonths is > 0 ? now.ToUniversalTime().AddMonths(-windowMonths.Value) : null;

    /// <summary>The highest tier whose threshold the value meets.</summary>
    public static TierLevel? Qualified(IReadOnlyList<TierLevel> tiers, decimal value) =>
        tiers.Where(t => t.Threshold <= value).MaxBy(t => t.Rank);

    public static TierDecision Evaluate(
        IReadOnlyList<TierLevel> tiers,
        int? currentTierId,
        DateTimeOffset? reachedAt,
        decimal qualifyingValue,
        TierDowngradePolicy policy,
        int retentionMonths,
        bool scheduled,
        DateTimeOffset now)
    {
        var qualified = Qualified(tiers, qualifyingValue);
        var current = tiers.FirstOrDefault(t => t.Id == currentTierId);
        if (current is null)
        {
            // no tier yet, or the tier was removed from the program: take what the value supports
            return new TierDecision(qualified?.Id, qualified?.Id != currentTierId, IsDowngrade: false);
        }

        var qualifiedRank = qualified?.Rank ?? int.MinValue;
        if (qualifiedRank >= current.Rank)
        {
            return new TierDecision(qualified!.Id, qualified.Id != current.Id, IsDowngrade: false);
        }

        var mayDrop = scheduled && policy switch
        {
            TierDowngradePolicy.Recalculate => true,
            TierDowngradePolicy.AfterRetention => reachedAt is null || now >= reachedAt.Value.AddMonths(retentionMonths),
            _ => false,
        };
        return mayDrop
            ? new TierDecision(qualified?.Id, Changed: true, IsDowngrade: true)
            : new TierDecision(current.Id, Changed: false, IsDowngrade: false);
    }
}
