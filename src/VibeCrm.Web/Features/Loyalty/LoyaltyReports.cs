using System.Globalization;
using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Loyalty;
using VibeCrm.Data.Tenants;
using VibeCrm.Web.Features.Interactions;

namespace VibeCrm.Web.Features.Loyalty;

public sealed record LoyaltyKpis(int Members, int ActiveIn90Days, long ActivePoints, long PendingPoints, decimal ActiveValue, decimal PendingValue, string Currency);

public sealed record TierSlice(int? TierId, string Name, string? Color, int Members);

/// <summary>Points of one local month: earned (purchases and bonuses, pending included), redeemed (rewards not cancelled), expired.</summary>
public sealed record MonthPoints(DateOnly Month, long Earned, long Redeemed, long Expired)
{
    public string Label => Month.ToString("MMM yyyy", CultureInfo.InvariantCulture);
}

public sealed record ActivityRow(long EntryId, int MembershipId, string CustomerName, LedgerEntryType Type, int Points, DateTimeOffset OccurredAt, string? Reason);

public sealed record LiabilityRow(int ProgramId, string ProgramName, ProgramStatus Status, string UnitName, string Currency, decimal PointValue, int Members, long ActivePoints, long PendingPoints)
{
    public decimal ActiveValue => ActivePoints * PointValue;

    public decimal PendingValue => PendingPoints * PointValue;

    public decimal TotalValue => ActiveValue + PendingValue;
}

public sealed record BreachRow(long Id, string Kind, string Details, int? MembershipId, DateTimeOffset DetectedAt);

/// <summary>
/// The loyalty overview and the liability report, computed in the database from the memberships (the ledger's cached
/// balances, which the invariant check proves equal to the ledger sums) and from the ledger itself for the monthly figures.
/// Negative balances (a refund of already spent points) count as zero outstanding.
/// </summary>
public sealed class LoyaltyReports(TenantDbContext db, TimeProvider clock)
{
    public const int ActiveDays = 90;
    public const int Months = 12;
    public const int ActivityCount = 15;

    public async Task<LoyaltyKpis> KpisAsync(LoyaltyProgram program, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(program);
        var since = clock.GetUtcNow().AddDays(-ActiveDays);
        var members = db.LoyaltyMemberships.AsNoTracking().Where(m => m.ProgramId == program.Id);
        var count = await members.CountAsync(ct);
        var active = await members.CountAsync(m => m.LastActivityAt >= since, ct);
        var points = await members.Where(m => m.ActivePoints > 0).SumAsync(m => (long)m.ActivePoints, ct);
        var pending = await members.SumAsync(m => (long)m.PendingPoints, ct);
        return new LoyaltyKpis(count, active, points, pending, points * program.PointValue, pending * program.PointValue, program.Currency);
    }

    public async Task<IReadOnlyList<TierSlice>> TierDistributionAsync(int programId, CancellationToken ct)
    {
        var counts = await db.LoyaltyMemberships.AsNoTracking().Where(m => m.ProgramId == programId)
            .GroupBy(m => m.CurrentTierId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var tiers = await db.Tiers.AsNoTracking().Where(t => t.ProgramId == programId).OrderBy(t => t.Rank).ToListAsync(ct);
        var slices = new List<TierSlice>();
        if (counts.FirstOrDefault(c => c.Key == null) is { Count: > 0 } none)
        {
            slices.Add(new TierSlice(null, "No tier", null, none.Count));
        }

        slices.AddRange(tiers.Select(t => new TierSlice(t.Id, t.Name, t.Color, counts.FirstOrDefault(c => c.Key == t.Id)?.Count ?? 0)));
        return slices;
    }

    /// <summary>The last <see cref="Months"/> local months of the program's time zone, oldest first, the current month included.</summary>
    public async Task<IReadOnlyList<MonthPoints>> MonthlyAsync(LoyaltyProgram program, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(program);
        var today = TenantTime.Today(clock, program.TimeZoneId);
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-(Months - 1));
        var result = new List<MonthPoints>(Months);
        for (var i = 0; i < Months; i++)
        {
            var month = first.AddMonths(i);
            var from = TenantTime.ToUtc(month.ToDateTime(TimeOnly.MinValue), program.TimeZoneId);
            var to = TenantTime.ToUtc(month.AddMonths(1).ToDateTime(TimeOnly.MinValue), program.TimeZoneId);
            var sums = await db.LedgerEntries.AsNoTracking()
                .Where(e => e.ProgramId == program.Id && e.OccurredAt >= from && e.OccurredAt < to
                    && (e.Type == LedgerEntryType.Earn || e.Type == LedgerEntryType.Bonus || e.Type == LedgerEntryType.Expire
                        || (e.Type == LedgerEntryType.Redeem && !db.Redemptions.Any(r => r.Id == e.RedemptionId && r.Status == RedemptionStatus.Cancelled))))
                .GroupBy(e => e.Type)
                .Select(g => new { Type = g.Key, Points = g.Sum(e => (long)e.ActiveDelta + e.PendingDelta) })
                .ToListAsync(ct);
            long Sum(params LedgerEntryType[] types) => sums.Where(s => types.Contains(s.Type)).Sum(s => s.Points);
            result.Add(new MonthPoints(month, Sum(LedgerEntryType.Earn, LedgerEntryType.Bonus), -Sum(LedgerEntryType.Redeem), -Sum(LedgerEntryType.Expire)));
        }

        return result;
    }

    public async Task<IReadOnlyList<ActivityRow>> RecentActivityAsync(int programId, CancellationToken ct) =>
        await (
            from e in db.LedgerEntries.AsNoTracking().Where(e => e.ProgramId == programId).OrderByDescending(e => e.Id).Take(ActivityCount)
            join m in db.LoyaltyMemberships on e.MembershipId equals m.Id
            join c in db.Customers on m.CustomerId equals c.Id
            orderby e.Id descending
            select new ActivityRow(e.Id, m.Id, c.FirstName + " " + c.LastName, e.Type, e.ActiveDelta + e.PendingDelta, e.OccurredAt, e.Reason))
            .ToListAsync(ct);

    /// <summary>Outstanding points × redemption value, by program.</summary>
    public async Task<IReadOnlyList<LiabilityRow>> LiabilityAsync(CancellationToken ct)
    {
        var sums = await db.LoyaltyMemberships.AsNoTracking()
            .GroupBy(m => m.ProgramId)
            .Select(g => new
            {
                ProgramId = g.Key,
                Members = g.Count(),
                Active = g.Sum(m => m.ActivePoints > 0 ? (long)m.ActivePoints : 0L),
                Pending = g.Sum(m => (long)m.PendingPoints),
            })
            .ToListAsync(ct);
        var programs = await db.LoyaltyPrograms.AsNoTracking().OrderBy(p => p.Name).ThenBy(p => p.Id).ToListAsync(ct);
        return [.. programs.Select(p => sums.FirstOrDefault(s => s.ProgramId == p.Id) is { } s
            ? new LiabilityRow(p.Id, p.Name, p.Status, p.UnitName, p.Currency, p.PointValue, s.Members, s.Active, s.Pending)
            : new LiabilityRow(p.Id, p.Name, p.Status, p.UnitName, p.Currency, p.PointValue, 0, 0, 0))];
    }

    public async Task<(int Count, IReadOnlyList<BreachRow> Latest)> OpenBreachesAsync(CancellationToken ct)
    {
        var open = db.LoyaltyInvariantBreaches.AsNoTracking().Where(b => b.ResolvedAt == null);
        var count = await open.CountAsync(ct);
        var latest = count == 0 ? [] : await open.OrderByDescending(b => b.DetectedAt).ThenByDescending(b => b.Id).Take(10)
            .Select(b => new BreachRow(b.Id, b.Kind, b.Details, b.MembershipId, b.DetectedAt)).ToListAsync(ct);
        return (count, latest);
    }
}
