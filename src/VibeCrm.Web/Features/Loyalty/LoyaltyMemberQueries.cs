using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Loyalty;
using VibeCrm.Data.Tenants;
using VibeCrm.Web.Features.Customers;

namespace VibeCrm.Web.Features.Loyalty;

/// <param name="TierId">A tier id, 0 for members without a tier, null for all.</param>
public sealed record MemberListQuery(int ProgramId, string? Search, int? TierId, int Page = 1, int PageSize = 25);

public sealed record MemberListRow(int MembershipId, int CustomerId, string Name, string? Email, string? TierName, string? TierColor, int ActivePoints, int PendingPoints, DateTimeOffset JoinedAt, DateTimeOffset LastActivityAt);

public sealed record MemberListPage(IReadOnlyList<MemberListRow> Rows, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed record MemberHeader(
    int MembershipId, int ProgramId, string ProgramName, string UnitName, string TimeZoneId, decimal PointValue, string Currency,
    int CustomerId, string Name, string? Email, int ActivePoints, int PendingPoints, string? TierName, string? TierColor,
    DateTimeOffset JoinedAt, DateTimeOffset LastActivityAt);

public sealed record LedgerPage(IReadOnlyList<LedgerRow> Rows, int Total, int Page, int PageSize, IReadOnlyDictionary<string, string> StaffNames)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>A customer's memberships, for the link on the customer page.</summary>
public sealed record CustomerMembershipRow(int MembershipId, string ProgramName, string UnitName, int ActivePoints, int PendingPoints, string? TierName);

/// <summary>The back office's member list and member page reads. Everything is filtered and paged in the database.</summary>
public sealed class LoyaltyMemberQueries(TenantDbContext db, CustomerQueries customers)
{
    public const int LedgerPageSize = 20;

    public async Task<MemberListPage> ListAsync(MemberListQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var page = Math.Max(1, query.Page);
        var size = Math.Clamp(query.PageSize, 5, 100);
        var memberships = db.LoyaltyMemberships.AsNoTracking().Where(m => m.ProgramId == query.ProgramId);
        if (query.TierId is 0)
        {
            memberships = memberships.Where(m => m.CurrentTierId == null);
        }
        else if (query.TierId is { } tierId)
        {
            memberships = memberships.Where(m => m.CurrentTierId == tierId);
        }

        if (customers.SearchPredicate(query.Search) is { } predicate)
        {
            var ids = db.Customers.Where(predicate).Select(c => c.Id);
            memberships = memberships.Where(m => ids.Contains(m.CustomerId));
        }

        var total = await memberships.CountAsync(ct);
        var rows = await (
            from m in memberships.OrderByDescending(m => m.LastActivityAt).ThenByDescending(m => m.Id).Skip((page - 1) * size).Take(size)
            join c in db.Customers on m.CustomerId equals c.Id
            join t in db.Tiers on m.CurrentTierId equals t.Id into tiers
            from t in tiers.DefaultIfEmpty()
            select new MemberListRow(m.Id, c.Id, c.FirstName + " " + c.LastName, c.Email, t != null ? t.Name : null, t != null ? t.Color : null,
                m.ActivePoints, m.PendingPoints, m.JoinedAt, m.LastActivityAt))
            .ToListAsync(ct);
        return new MemberListPage([.. rows.OrderByDescending(r => r.LastActivityAt).ThenByDescending(r => r.MembershipId)], total, page, size);
    }

    public async Task<MemberHeader?> HeaderAsync(int membershipId, CancellationToken ct) =>
        await (
            from m in db.LoyaltyMemberships.AsNoTracking()
            join p in db.LoyaltyPrograms on m.ProgramId equals p.Id
            join c in db.Customers on m.CustomerId equals c.Id
            join t in db.Tiers on m.CurrentTierId equals t.Id into tiers
            from t in tiers.DefaultIfEmpty()
            where m.Id == membershipId
            select new MemberHeader(m.Id, p.Id, p.Name, p.UnitName, p.TimeZoneId, p.PointValue, p.Currency, c.Id, c.FirstName + " " + c.LastName, c.Email,
                m.ActivePoints, m.PendingPoints, t != null ? t.Name : null, t != null ? t.Color : null, m.JoinedAt, m.LastActivityAt))
            .SingleOrDefaultAsync(ct);

    /// <summary>The ledger newest first, with the names of the staff who made adjustments.</summary>
    public async Task<LedgerPage> LedgerAsync(int membershipId, int page, CancellationToken ct)
    {
        var total = await db.LedgerEntries.CountAsync(e => e.MembershipId == membershipId, ct);
        var pages = Math.Max(1, (total + LedgerPageSize - 1) / LedgerPageSize);
        page = Math.Clamp(page, 1, pages);
        var rows = await db.LedgerEntries.AsNoTracking()
            .Where(e => e.MembershipId == membershipId)
            .OrderByDescending(e => e.Id)
            .Skip((page - 1) * LedgerPageSize)
            .Take(LedgerPageSize)
            .Select(e => new LedgerRow(e.Id, e.Type, e.ActiveDelta, e.PendingDelta, e.OccurredAt, e.Reason, e.PurchaseId, e.RedemptionId, e.StaffUserId))
            .ToListAsync(ct);
        var staffIds = rows.Where(r => r.StaffUserId != null).Select(r => r.StaffUserId!).Distinct().ToList();
        var names = staffIds.Count == 0
            ? new Dictionary<string, string>()
            : await db.Users.AsNoTracking().Where(u => staffIds.Contains(u.Id))
                .ToDictionaryAsync(u => u.Id, u => (u.FirstName + " " + u.LastName).Trim(), ct);
        return new LedgerPage(rows, total, page, LedgerPageSize, names);
    }

    public async Task<IReadOnlyList<CustomerMembershipRow>> ForCustomerAsync(int customerId, CancellationToken ct) =>
        await (
            from m in db.LoyaltyMemberships.AsNoTracking()
            join p in db.LoyaltyPrograms on m.ProgramId equals p.Id
            join t in db.Tiers on m.CurrentTierId equals t.Id into tiers
            from t in tiers.DefaultIfEmpty()
            where m.CustomerId == customerId
            orderby p.Name
            select new CustomerMembershipRow(m.Id, p.Name, p.UnitName, m.ActivePoints, m.PendingPoints, t != null ? t.Name : null))
            .ToListAsync(ct);

    /// <summary>Active programs the customer has not joined, for the enrol button on the customer page.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> JoinableAsync(int customerId, CancellationToken ct) =>
        [.. (await db.LoyaltyPrograms.AsNoTracking()
            .Where(p => p.Status == ProgramStatus.Active && !db.LoyaltyMemberships.Any(m => m.ProgramId == p.Id && m.CustomerId == customerId))
            .OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(ct))
            .Select(p => (p.Id, p.Name))];

    /// <summary>The tiers of a program for the filter, lowest first.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> TiersAsync(int programId, CancellationToken ct) =>
        [.. (await db.Tiers.AsNoTracking().Where(t => t.ProgramId == programId).OrderBy(t => t.Rank).Select(t => new { t.Id, t.Name }).ToListAsync(ct))
            .Select(t => (t.Id, t.Name))];
}
