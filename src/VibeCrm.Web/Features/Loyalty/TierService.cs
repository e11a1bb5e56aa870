using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Loyalty;
using VibeCrm.Data.Tenants;
using VibeCrm.Web.Features.Loyalty.Rules;

namespace VibeCrm.Web.Features.Loyalty;

public sealed record TierChangeRow(DateTimeOffset At, string? From, string? To, TierChangeReason Reason, decimal QualifyingValue);

public sealed record TierStatus(int? TierId, string? TierName, decimal QualifyingValue, TierBasis Basis, int? WindowMonths, string? NextTierName, decimal? NextThreshold);

/// <summary>Tier recalculation (upgrade on activity, downgrade policy on the schedule) and tier history.</summary>
public sealed class TierService(TenantDbContext db, LedgerRunner runner, TimeProvider clock)
{
    /// <summary>Scheduled recalculation of one member: may upgrade, and downgrade as the program's policy allows. True when the tier changed.</summary>
    public async Task<bool> RecalculateAsync(int membershipId, CancellationToken ct)
    {
        var before = await db.TierChanges.CountAsync(c => c.MembershipId == membershipId, ct);
        await runner.RunAsync(membershipId, _ => Task.FromResult(0), ct, scheduledTierCheck: true);
        return await db.TierChanges.CountAsync(c => c.MembershipId == membershipId, ct) != before;
    }

    /// <summary>Scheduled recalculation of every member of the active programs that have tiers. Returns how many changed tier.</summary>
    public async Task<int> RecalculateAllAsync(CancellationToken ct)
    {
        var ids = await db.LoyaltyMemberships.AsNoTracking()
            .Where(m => db.LoyaltyPrograms.Any(p => p.Id == m.ProgramId && p.Status == ProgramStatus.Active && p.Tiers.Any()))
            .OrderBy(m => m.Id)
            .Select(m => m.Id)
            .ToListAsync(ct);
        var changed = 0;
        foreach (var id in ids)
        {
            if (await RecalculateAsync(id, ct))
            {
                changed++;
            }
        }

        return changed;
    }

    public async Task<TierStatus?> GetStatusAsync(int membershipId, CancellationToken ct)
    {
        var membership = await db.LoyaltyMemberships.AsNoTracking().SingleOrDefaultAsync(m => m.Id == membershipId, ct);
        if (membership is null)
        {
            return null;
        }

        var program = await db.LoyaltyPrograms.AsNoTracking().Include(p => p.Tiers).SingleAsync(p => p.Id == membership.ProgramId, ct);
        var value = await TierCalculation.QualifyingValueAsync(db, membership, program, clock.GetUtcNow(), ct);
        var current = program.Tiers.FirstOrDefault(t => t.Id == membership.CurrentTierId);
        var next = program.Tiers.Where(t => t.Rank > (current?.Rank ?? int.MinValue)).MinBy(t => t.Rank);
        return new TierStatus(current?.Id, current?.Name, value, program.TierBasis, program.TierWindowMonths, next?.Name, next?.Threshold);
    }

    public async Task<IReadOnlyList<TierChangeRow>> GetHistoryAsync(int membershipId, CancellationToken ct)
    {
        var names = await db.Tiers.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var rows = await db.TierChanges.AsNoTracking()
            .Where(c => c.MembershipId == membershipId)
            .OrderByDescending(c => c.At).ThenByDescending(c => c.Id)
            .ToListAsync(ct);
        return [.. rows.Select(c => new TierChangeRow(c.At, Name(c.FromTierId), Name(c.ToTierId), c.Reason, c.QualifyingValue))];

        string? Name(int? id) => id is { } i && names.TryGetValue(i, out var n) ? n : null;
    }
}

/// <summary>The tier arithmetic inside a ledger session.</summary>
internal static class TierCalculation
{
    /// <summary>Records a tier change when the value calls for one; returns it (saved by the caller) or null.</summary>
    public static async Task<(TierChange Change, bool Upgrade)?> ApplyAsync(LedgerSession session, bool scheduled, CancellationToken ct)
    {
        var program = session.Program;
        if (program.Tiers.Count == 0)
        {
            return null;
        }

        var membership = session.Membership;
        var current = program.Tiers.FirstOrDefault(t => t.Id == membership.CurrentTierId);
        if (!scheduled && current is not null && program.Tiers.All(t => t.Rank <= current.Rank))
        {
            // at the top tier already: activity can only upgrade, so there is nothing to compute
            return null;
        }

        var value = await QualifyingValueAsync(session.Db, membership, program, session.Now, ct);
        var levels = program.Tiers.Select(t => new TierLevel(t.Id, t.Rank, t.Threshold)).ToList();
        var decision = TierEvaluator.Evaluate(levels, membership.CurrentTierId, membership.TierReachedAt, value,
            program.TierDowngradePolicy, program.TierRetentionMonths, scheduled, session.Now);
        if (!decision.Changed)
        {
            return null;
        }

        var fromRank = current?.Rank ?? int.MinValue;
        var toRank = program.Tiers.FirstOrDefault(t => t.Id == decision.TierId)?.Rank ?? int.MinValue;
        var change = new TierChange
        {
            MembershipId = membership.Id,
            FromTierId = membership.CurrentTierId,
            ToTierId = decision.TierId,
            Reason = scheduled ? TierChangeReason.Scheduled : TierChangeReason.Activity,
            QualifyingValue = value,
            At = session.Now,
        };
        session.Db.TierChanges.Add(change);
        membership.CurrentTierId = decision.TierId;
        membership.TierReachedAt = session.Now;
        return (change, change.FromTierId is not null && toRank > fromRank); // the entry tier on joining is not an upgrade
    }

    /// <summary>Points earned (earn and bonus lots, released, net of refunds) or money spent (purchases past their return window, net of refunds) in the window.</summary>
    public static async Task<decimal> QualifyingValueAsync(TenantDbContext db, LoyaltyMembership membership, LoyaltyProgram program, DateTimeOffset now, CancellationToken ct)
    {
        var start = TierEvaluator.WindowStart(program.TierWindowMonths, now) ?? DateTimeOffset.MinValue.ToUniversalTime();
        if (program.TierBasis == TierBasis.AmountSpent)
        {
            var purchases = await db.Purchases.AsNoTracking()
                .Where(p => p.MembershipId == membership.Id && p.AvailableAt <= now && p.OccurredAt >= start)
                .Select(p => new { p.Total, p.RefundedAmount })
                .ToListAsync(ct);
            return purchases.Sum(p => p.Total - p.RefundedAmount);
        }

        return await db.PointLots.AsNoTracking()
            .Where(l => l.MembershipId == membership.Id && !l.IsPending && (l.Kind == LotKind.Earn || l.Kind == LotKind.Bonus) && l.EarnedAt >= start)
            .SumAsync(l => l.Points - l.Reversed, ct);
    }
}
