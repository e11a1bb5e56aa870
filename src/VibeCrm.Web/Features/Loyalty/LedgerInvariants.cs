using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Loyalty;
using VibeCrm.Data.Tenants;

namespace VibeCrm.Web.Features.Loyalty;

/// <summary>
/// Verifies the ledger: each membership's cached balances equal the sums of its entries; each lot's remainder equals the sum
/// of its allocations and is not negative; the pending lots hold exactly the pending balance and the active lots exactly the
/// positive part of the active balance. Breaches are logged as errors and stored as <see cref="LoyaltyInvariantBreach"/> rows
/// (one open row per problem). Suspects found by the bulk queries are re-checked in a transaction to rule out a write in flight.
/// </summary>
public sealed partial class LedgerInvariants(TenantDbContext db, TimeProvider clock, ILogger<LedgerInvariants> logger)
{
    public async Task<IReadOnlyList<LoyaltyInvariantBreach>> CheckAsync(CancellationToken ct)
    {
        // all three comparisons run in the database; only the ids of suspect memberships come back
        var suspects = new SortedSet<int>();
        suspects.UnionWith(await db.LoyaltyMemberships.AsNoTracking()
            .Where(m => m.ActivePoints != db.LedgerEntries.Where(e => e.MembershipId == m.Id).Sum(e => e.ActiveDelta)
                || m.PendingPoints != db.LedgerEntries.Where(e => e.MembershipId == m.Id).Sum(e => e.PendingDelta))
            .Select(m => m.Id)
            .ToListAsync(ct));
        suspects.UnionWith(await db.PointLots.AsNoTracking()
            .Where(l => l.Remaining < 0 || l.Remaining != db.LedgerAllocations.Where(a => a.LotId == l.Id).Sum(a => a.Points))
            .Select(l => l.MembershipId)
            .Distinct()
            .ToListAsync(ct));
        suspects.UnionWith(await db.LoyaltyMemberships.AsNoTracking()
            .Where(m => m.PendingPoints != db.PointLots.Where(l => l.MembershipId == m.Id && l.IsPending).Sum(l => l.Remaining)
                || (m.ActivePoints > 0 ? m.ActivePoints : 0) != db.PointLots.Where(l => l.MembershipId == m.Id && !l.IsPending).Sum(l => l.Remaining))
            .Select(m => m.Id)
            .ToListAsync(ct));

        var breaches = new List<LoyaltyInvariantBreach>();
        foreach (var membershipId in suspects)
        {
            breaches.AddRange(await RecheckAsync(membershipId, ct));
        }

        return breaches;
    }

    /// <summary>Checks one membership inside a transaction and records what is wrong.</summary>
    public async Task<IReadOnlyList<LoyaltyInvariantBreach>> RecheckAsync(int membershipId, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var now = clock.GetUtcNow();
            var found = new List<LoyaltyInvariantBreach>();
            var m = await db.LoyaltyMemberships.AsNoTracking().SingleAsync(x => x.Id == membershipId, ct);
            var active = await db.LedgerEntries.Where(e => e.MembershipId == membershipId).SumAsync(e => e.ActiveDelta, ct);
            var pending = await db.LedgerEntries.Where(e => e.MembershipId == membershipId).SumAsync(e => e.PendingDelta, ct);
            if (active != m.ActivePoints)
            {
                found.Add(Breach("ActiveBalance", membershipId, null, $"Cached active balance {m.ActivePoints}, ledger sum {active}.", now));
            }

            if (pending != m.PendingPoints)
            {
                found.Add(Breach("PendingBalance", membershipId, null, $"Cached pending balance {m.PendingPoints}, ledger sum {pending}.", now));
            }

            var lots = await db.PointLots.AsNoTracking().Where(l => l.MembershipId == membershipId).ToListAsync(ct);
            var lotIds = lots.Select(l => l.Id).ToList();
            var allocations = await db.LedgerAllocations.AsNoTracking()
                .Where(a => lotIds.Contains(a.LotId))
                .GroupBy(a => a.LotId)
                .Select(g => new { g.Key, Sum = g.Sum(a => a.Points) })
                .ToDictionaryAsync(x => x.Key, x => x.Sum, ct);
            foreach (var lot in lots)
            {
                if (lot.Remaining < 0)
                {
                    found.Add(Breach("LotNegative", membershipId, lot.Id, $"Lot {lot.Id} has {lot.Remaining} points left.", now));
                }

                var sum = allocations.GetValueOrDefault(lot.Id);
                if (sum != lot.Remaining)
                {
                    found.Add(Breach("LotAllocations", membershipId, lot.Id, $"Lot {lot.Id} says {lot.Remaining} left, its allocations add up to {sum}.", now));
                }
            }

            var pendingLots = lots.Where(l => l.IsPending).Sum(l => l.Remaining);
            var activeLots = lots.Where(l => !l.IsPending).Sum(l => l.Remaining);
            if (pendingLots != pending || activeLots != Math.Max(0, active))
            {
                found.Add(Breach("LotSum", membershipId, null,
                    $"Lots hold {activeLots} active and {pendingLots} pending; the ledger says {active} active and {pending} pending.", now));
            }

            foreach (var breach in found)
            {
                LogBreach(logger, breach.Kind, membershipId, breach.Details);
                var open = await db.LoyaltyInvariantBreaches.AnyAsync(b => b.ResolvedAt == null && b.Kind == breach.Kind && b.MembershipId == membershipId && b.LotId == breach.LotId, ct);
                if (!open)
                {
                    db.LoyaltyInvariantBreaches.Add(breach);
                }
            }

            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return found;
        });
    }

    private static LoyaltyInvariantBreach Breach(string kind, int membershipId, int? lotId, string details, DateTimeOffset now) =>
        new() { Kind = kind, MembershipId = membershipId, LotId = lotId, Details = details, DetectedAt = now };

    [LoggerMessage(Level = LogLevel.Error, Message = "LOYALTY LEDGER INVARIANT BREACH {Kind} on membership {MembershipId}: {Details}")]
    private static partial void LogBreach(ILogger logger, string kind, int membershipId, string details);
}
