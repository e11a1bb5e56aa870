using System.Globalization;
using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Loyalty;
using VibeCrm.Data.Tenants;
using VibeCrm.Web.Features.Customers.Timeline;

namespace VibeCrm.Web.Features.Loyalty;

/// <summary>
/// Purchases (with the points they earned) and every other points movement (refund reversals, redemptions, cancelled
/// redemptions, bonuses, adjustments, expiry, pending points released) on the customer's timeline. Earn entries are
/// shown through their purchase.
/// </summary>
public sealed class LoyaltyTimelineSource(TenantDbContext db) : ITimelineSource
{
    public const string PurchaseKind = "purchase";
    public const string PointsKind = "points";

    public async Task<IReadOnlyList<TimelineItem>> GetAsync(int customerId, DateTimeOffset? before, int take, CancellationToken ct)
    {
        var memberships = db.LoyaltyMemberships.AsNoTracking().Where(m => m.CustomerId == customerId);
        var purchases =
            from p in db.Purchases.AsNoTracking()
            join m in memberships on p.MembershipId equals m.Id
            join g in db.LoyaltyPrograms on p.ProgramId equals g.Id
            select new { p.Id, p.OccurredAt, p.Total, p.Currency, p.StoreCode, p.PointsEarned, p.PointsReversed, p.RefundedAmount, p.ExternalId, p.AvailableAt, g.UnitName, Lines = p.Lines.Count };
        var entries =
            from e in db.LedgerEntries.AsNoTracking()
            join m in memberships on e.MembershipId equals m.Id
            join g in db.LoyaltyPrograms on e.ProgramId equals g.Id
            where e.Type != LedgerEntryType.Earn
            select new { e.Id, e.Type, e.ActiveDelta, e.PendingDelta, e.OccurredAt, e.Reason, g.UnitName };
        if (before is { } cursor)
        {
            purchases = purchases.Where(p => p.OccurredAt < cursor);
            entries = entries.Where(e => e.OccurredAt < cursor);
        }

        var purchaseRows = await purchases.OrderByDescending(p => p.OccurredAt).ThenByDescending(p => p.Id).Take(take).ToListAsync(ct);
        var entryRows = await entries.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).Take(take).ToListAsync(ct);

        var items = new List<TimelineItem>(purchaseRows.Count + entryRows.Count);
        items.AddRange(purchaseRows.Select(p => new TimelineItem(
            p.OccurredAt,
            PurchaseKind,
            "🛒",
            $"Purchase {Money(p.Total, p.Currency)}" + (p.StoreCode is { Length: > 0 } store ? $" at {store}" : ""),
            PurchaseDetail(p.PointsEarned, p.UnitName, p.AvailableAt > p.OccurredAt, p.Lines, p.ExternalId, p.RefundedAmount, p.PointsReversed, p.Currency))
        {
            RecordId = p.Id,
        }));
        items.AddRange(entryRows.Select(e => new TimelineItem(
            e.OccurredAt,
            PointsKind,
            e.ActiveDelta + e.PendingDelta >= 0 ? "＋" : "−",
            $"{Label(e.Type)}: {Signed(e.ActiveDelta + e.PendingDelta)} {e.UnitName}",
            e.Reason)
        {
            RecordId = (int)Math.Min(int.MaxValue, e.Id),
        }));
        return [.. items.OrderByDescending(i => i.At).Take(take)];
    }

    private static string Label(LedgerEntryType type) => type switch
    {
        LedgerEntryType.PendingRelease => "Points unlocked",
        LedgerEntryType.Redeem => "Reward redeemed",
        LedgerEntryType.Expire => "Points expired",
        LedgerEntryType.Adjust => "Points adjusted",
        LedgerEntryType.RefundReversal => "Refund",
        LedgerEntryType.Bonus => "Bonus",
        LedgerEntryType.CancelRedemption => "Reward cancelled",
        _ => "Points",
    };

    private static string PurchaseDetail(int points, string unit, bool pending, int lines, string receipt, decimal refunded, int reversed, string currency)
    {
        var text = $"{Signed(points)} {unit}{(pending && points > 0 ? " (pending)" : "")} · {lines} line{(lines == 1 ? "" : "s")} · receipt {receipt}";
        return refunded > 0 ? $"{text} · refunded {Money(refunded, currency)} ({Signed(-reversed)} {unit})" : text;
    }

    private static string Signed(int points) => points.ToString("+#,0;−#,0;0", CultureInfo.InvariantCulture);

    private static string Money(decimal amount, string currency) => $"{amount.ToString("N2", CultureInfo.InvariantCulture)} {currency}";
}
