namespace VibeCrm.Web.Features.Loyalty.Rules;

/// <summary>A lot as the allocator sees it.</summary>
public sealed record LotBalance(int LotId, int Remaining, DateTimeOffset? ExpiresAt, DateTimeOffset EarnedAt);

/// <summary>Points taken from one lot (always positive here; the ledger writes them as a negative allocation).</summary>
public sealed record LotDraw(int LotId, int Points);

/// <param name="Shortfall">Points that no lot could cover.</param>
public sealed record AllocationPlan(IReadOnlyList<LotDraw> Draws, int Shortfall)
{
    public int Drawn => Draws.Sum(d => d.Points);
}

/// <summary>
/// Which lots a spend draws from: the one expiring first, then the next (lots that never expire last; ties by
/// earning time, then id), so members lose as little as possible to expiry.
/// </summary>
public static class LotAllocator
{
    public static IEnumerable<LotBalance> SpendOrder(IEnumerable<LotBalance> lots) =>
        lots.Where(l => l.Remaining > 0)
            .OrderBy(l => l.ExpiresAt ?? DateTimeOffset.MaxValue)
            .ThenBy(l => l.EarnedAt)
            .ThenBy(l => l.LotId);

    /// <summary>Draws <paramref name="points"/> oldest-expiring first; partial lots allowed.</summary>
    public static AllocationPlan Spend(IEnumerable<LotBalance> lots, int points)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(points);
        var draws = new List<LotDraw>();
        var left = points;
        foreach (var lot in SpendOrder(lots))
        {
            if (left == 0)
            {
                break;
            }

            var take = Math.Min(lot.Remaining, left);
            draws.Add(new LotDraw(lot.LotId, take));
            left -= take;
        }

        return new AllocationPlan(draws, left);
    }

    /// <summary>A refund: from the purchase's own lots first, then from the others oldest-expiring first.</summary>
    public static AllocationPlan Reverse(IEnumerable<LotBalance> ownLots, IEnumerable<LotBalance> otherLots, int points)
    {
        var own = Spend(ownLots, points);
        var others = Spend(otherLots, own.Shortfall);
        return new AllocationPlan([.. own.Draws, .. others.Draws], others.Shortfall);
    }

    /// <summary>What expiry takes at <paramref name="now"/>: the remainder of every lot whose expiry has come.</summary>
    public static IReadOnlyList<LotDraw> Expire(IEnumerable<LotBalance> lots, DateTimeOffset now) =>
        [.. lots.Where(l => l.Remaining > 0 && l.ExpiresAt is { } at && at <= now).OrderBy(l => l.ExpiresAt).ThenBy(l => l.LotId).Select(l => new LotDraw(l.LotId, l.Remaining))];

    /// <summary>Everything left, for inactivity expiry.</summary>
    public static IReadOnlyList<LotDraw> ExpireAll(IEnumerable<LotBalance> lots) =>
        [.. SpendOrder(lots).Select(l => new LotDraw(l.LotId, l.Remaining))];
}
