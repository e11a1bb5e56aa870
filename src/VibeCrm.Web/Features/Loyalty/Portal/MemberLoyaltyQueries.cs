using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Loyalty;
using VibeCrm.Data.Tenants;
using VibeCrm.Web.Features.Loyalty.Rules;

namespace VibeCrm.Web.Features.Loyalty.Portal;

public sealed record ProgramOffer(int Id, string Name, string UnitName, string? Terms, string Currency, decimal PointsPerCurrencyUnit, int SignUpBonus, IReadOnlyList<string> Highlights);

/// <summary>One program the member belongs to: for the program switcher and to find the membership of a selected program.</summary>
public sealed record MemberProgram(int ProgramId, int MembershipId, string Name, string UnitName, int ActivePoints, string? TierName);

public sealed record PendingRelease(DateTimeOffset AvailableAt, int Points);

public sealed record ExpiringLot(DateTimeOffset ExpiresAt, int Points);

public sealed record MemberDashboard(
    int MembershipId,
    string ProgramName,
    string UnitName,
    string Currency,
    string MemberName,
    string CardNumber,
    string CardQr,
    int ActivePoints,
    int PendingPoints,
    decimal ActiveValue,
    IReadOnlyList<PendingRelease> Pending,
    TierProgressView Tier,
    IReadOnlyList<string> Benefits,
    IReadOnlyList<string> NextTierBenefits,
    IReadOnlyList<ExpiringLot> Expiring,
    DateTimeOffset? InactivityExpiry,
    DateTimeOffset JoinedAt);

public sealed record HistoryRow(DateTimeOffset OccurredAt, string Label, int Points, bool Pending);

public sealed record HistoryPage(IReadOnlyList<HistoryRow> Rows, int Page, int PageCount, int Total, string UnitName);

/// <summary>What the member portal reads about a member's loyalty: the program to join, the dashboard, the history.</summary>
public sealed class MemberLoyaltyQueries(TenantDbContext db, TierService tiers, TimeProvider clock)
{
    public const int ExpiryHorizonDays = 60;
    public const int HistoryPageSize = 20;

    /// <summary>Active programs, for the join page and the portal home.</summary>
    public async Task<IReadOnlyList<ProgramOffer>> OffersAsync(CancellationToken ct)
    {
        var programs = await db.LoyaltyPrograms.AsNoTracking()
            .Where(p => p.Status == ProgramStatus.Active)
            .Include(p => p.EarnRules)
            .Include(p => p.Tiers)
            .AsSplitQuery()
            .OrderBy(p => p.Id)
            .ToListAsync(ct);
        return [.. programs.Select(Offer)];
    }

    /// <summary>How many programs are open for members (to offer "join another" to a member of fewer).</summary>
    public Task<int> OpenProgramCountAsync(CancellationToken ct) =>
        db.LoyaltyPrograms.CountAsync(p => p.Status == ProgramStatus.Active, ct);

    /// <summary>The member's memberships in active programs, oldest program first, with what the program switcher shows.</summary>
    public async Task<IReadOnlyList<MemberProgram>> MembershipsOfAsync(int customerId, CancellationToken ct) =>
        await (
            from m in db.LoyaltyMemberships.AsNoTracking()
            join p in db.LoyaltyPrograms on m.ProgramId equals p.Id
            where m.CustomerId == customerId && p.Status == ProgramStatus.Active
            orderby p.Id
            select new MemberProgram(p.Id, m.Id, p.Name, p.UnitName, m.ActivePoints, db.Tiers.Where(t => t.Id == m.CurrentTierId).Select(t => t.Name).FirstOrDefault()))
            .ToListAsync(ct);

    public async Task<MemberDashboard?> DashboardAsync(int membershipId, CancellationToken ct)
    {
        var membership = await db.LoyaltyMemberships.AsNoTracking().SingleOrDefaultAsync(m => m.Id == membershipId, ct);
        if (membership is null)
        {
            return null;
        }

        var program = await db.LoyaltyPrograms.AsNoTracking()
            .Include(p => p.Tiers).ThenInclude(t => t.Benefits)
            .AsSplitQuery()
            .SingleAsync(p => p.Id == membership.ProgramId, ct);
        var name = await db.Customers.AsNoTracking().Where(c => c.Id == membership.CustomerId).Select(c => (c.FirstName + " " + c.LastName).Trim()).SingleAsync(ct);
        var now = clock.GetUtcNow();
        var horizon = now.AddDays(ExpiryHorizonDays);
        var lots = await db.PointLots.AsNoTracking()
            .Where(l => l.MembershipId == membershipId && l.Remaining > 0 && (l.IsPending || (l.ExpiresAt != null && l.ExpiresAt <= horizon)))
            .Select(l => new { l.IsPending, l.AvailableAt, l.ExpiresAt, l.Remaining })
            .ToListAsync(ct);
        var pending = lots.Where(l => l.IsPending)
            .GroupBy(l => l.AvailableAt)
            .Select(g => new PendingRelease(g.Key, g.Sum(l => l.Remaining)))
            .OrderBy(p => p.AvailableAt)
            .ToList();
        var expiring = lots.Where(l => !l.IsPending && l.ExpiresAt is not null)
            .GroupBy(l => l.ExpiresAt!.Value)
            .Select(g => new ExpiringLot(g.Key, g.Sum(l => l.Remaining)))
            .OrderBy(e => e.ExpiresAt)
            .ToList();

        var status = await tiers.GetStatusAsync(membershipId, ct)
            ?? new TierStatus(null, null, 0, program.TierBasis, program.TierWindowMonths, null, null);
        var current = program.Tiers.FirstOrDefault(t => t.Id == membership.CurrentTierId);
        var next = program.Tiers.Where(t => t.Rank > (current?.Rank ?? int.MinValue)).MinBy(t => t.Rank);
        var card = membership.CardNumber;
        var inactivity = ExpiryPolicy.InactivityExpiresAt(program.ExpiryKind, program.ExpiryDays, membership.LastActivityAt);
        return new MemberDashboard(
            membership.Id,
            program.Name,
            program.UnitName,
            program.Currency,
            name,
            MemberCard.Format(card),
            QrImages.SvgDataUri(MemberCard.QrPayload(card)),
            membership.ActivePoints,
            membership.PendingPoints,
            Math.Max(0, membership.ActivePoints) * program.PointValue,
            pending,
            TierProgressView.From(status, current?.Threshold ?? 0, program.Currency, program.UnitName),
            Benefits(current),
            Benefits(next),
            expiring,
            membership.ActivePoints > 0 ? inactivity : null,
            membership.JoinedAt);
    }

    /// <summary>The ledger, newest first, with member-facing labels.</summary>
    public async Task<HistoryPage> HistoryAsync(int membershipId, int page, CancellationToken ct)
    {
        var program = await (
            from m in db.LoyaltyMemberships.AsNoTracking()
            join p in db.LoyaltyPrograms on m.ProgramId equals p.Id
            where m.Id == membershipId
            select new { p.UnitName, p.Currency }).SingleAsync(ct);
        var total = await db.LedgerEntries.CountAsync(e => e.MembershipId == membershipId, ct);
        var pageCount = Math.Max(1, (total + HistoryPageSize - 1) / HistoryPageSize);
        page = Math.Clamp(page, 1, pageCount);
        var rows = await (
            from e in db.LedgerEntries.AsNoTracking()
            where e.MembershipId == membershipId
            join pu in db.Purchases on e.PurchaseId equals pu.Id into purchases
            from pu in purchases.DefaultIfEmpty()
            join r in db.Redemptions on e.RedemptionId equals r.Id into redemptions
            from r in redemptions.DefaultIfEmpty()
            join w in db.Rewards on r.RewardId equals w.Id into rewards
            from w in rewards.DefaultIfEmpty()
            orderby e.OccurredAt descending, e.Id descending
            select new
            {
                e.Type,
                e.OccurredAt,
                e.ActiveDelta,
                e.PendingDelta,
                e.Reason,
                Store = pu != null ? pu.StoreCode : null,
                Total = pu != null ? (decimal?)pu.Total : null,
                RewardName = w != null ? w.Name : null,
            })
            .Skip((page - 1) * HistoryPageSize)
            .Take(HistoryPageSize)
            .ToListAsync(ct);
        var list = rows.Select(r => new HistoryRow(
            r.OccurredAt,
            LoyaltyLabels.Entry(r.Type, r.Reason, r.RewardName, r.Store, r.Total, program.Currency),
            r.Type == LedgerEntryType.PendingRelease ? r.ActiveDelta : r.ActiveDelta + r.PendingDelta,
            r.PendingDelta > 0)).ToList();
        return new HistoryPage(list, page, pageCount, total, program.UnitName);
    }

    private static List<string> Benefits(Tier? tier) =>
        tier is null ? [] : [.. tier.Benefits.OrderBy(b => b.Kind).Select(b => LoyaltyLabels.Benefit(b.Kind, b.Value, b.Description))];

    private static ProgramOffer Offer(LoyaltyProgram p)
    {
        var signUp = p.EarnRules.Where(r => r.IsActive && r.Kind == EarnRuleKind.SignUpBonus).Sum(r => r.BonusPoints ?? 0);
        var highlights = new List<string>
        {
            $"{LoyaltyLabels.Number(p.PointsPerCurrencyUnit)} {p.UnitName} for every {TierProgressView.Money(1, p.Currency)} you spend",
        };
        if (signUp > 0)
        {
            highlights.Add($"{LoyaltyLabels.Points(signUp)} {p.UnitName} welcome bonus when you join");
        }

        highlights.AddRange(p.EarnRules.Where(r => r.IsActive && r.Kind is EarnRuleKind.PromotionMultiplier or EarnRuleKind.BirthdayMonth or EarnRuleKind.CategoryMultiplier or EarnRuleKind.ReferralBonus)
            .OrderBy(r => r.Kind).Select(r => r.Name));
        if (p.Tiers.Count > 0)
        {
            highlights.Add("Tiers: " + string.Join(", ", p.Tiers.OrderBy(t => t.Rank).Select(t => t.Name)));
        }

        return new ProgramOffer(p.Id, p.Name, p.UnitName, p.Terms, p.Currency, p.PointsPerCurrencyUnit, signUp, highlights);
    }
}
