using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Loyalty;
using VibeCrm.Data.Tenants;
using VibeCrm.Web.Features.Loyalty;

namespace VibeCrm.Web.Features.PosApi;

/// <summary>The reads of the POS API, projected in the database.</summary>
public sealed class PosApiQueries(TenantDbContext db, TierService tiers)
{
    public async Task<IReadOnlyList<ProgramResponse>> ProgramsAsync(CancellationToken ct)
    {
        var programs = await db.LoyaltyPrograms.AsNoTracking().Where(p => p.Status != ProgramStatus.Draft).OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.Name, p.UnitName, p.Status, p.Currency, p.PointsPerCurrencyUnit, p.PointValue, p.PendingDays })
            .ToListAsync(ct);
        var allTiers = await db.Tiers.AsNoTracking().OrderBy(t => t.Rank)
            .Select(t => new { t.ProgramId, Tier = new ProgramTierResponse(t.Id, t.Name, t.Threshold, t.Rank) }).ToListAsync(ct);
        return [.. programs.Select(p => new ProgramResponse(p.Id, p.Name, p.UnitName, p.Status, p.Currency, p.PointsPerCurrencyUnit, p.PointValue, p.PendingDays,
            [.. allTiers.Where(t => t.ProgramId == p.Id).Select(t => t.Tier)]))];
    }

    public async Task<MemberResponse?> MemberAsync(int customerId, CancellationToken ct)
    {
        var customer = await db.Customers.AsNoTracking()
            .Where(c => c.Id == customerId && c.MergedIntoId == null && c.ErasedAt == null)
            .Select(c => new { c.Id, c.FirstName, c.LastName, c.Email, c.Phone })
            .SingleOrDefaultAsync(ct);
        if (customer is null)
        {
            return null;
        }

        var memberships = await MembershipsAsync(db.LoyaltyMemberships.Where(m => m.CustomerId == customerId), ct);
        return new MemberResponse(customer.Id, customer.FirstName, customer.LastName, customer.Email, customer.Phone, memberships);
    }

    public async Task<MembershipResponse?> MembershipAsync(int membershipId, CancellationToken ct) =>
        (await MembershipsAsync(db.LoyaltyMemberships.Where(m => m.Id == membershipId), ct)).SingleOrDefault();

    /// <summary>Membership, its customer and its program's status, for commands that start from a membership.</summary>
    public Task<MembershipRef?> MembershipRefAsync(int membershipId, CancellationToken ct) =>
        Refs(m => m.Id == membershipId).SingleOrDefaultAsync(ct);

    public Task<MembershipRef?> MembershipRefByCardAsync(string cardNumber, CancellationToken ct) =>
        Refs(m => m.CardNumber == cardNumber).SingleOrDefaultAsync(ct);

    public Task<MembershipRef?> MembershipRefByCustomerAsync(int programId, int customerId, CancellationToken ct) =>
        Refs(m => m.ProgramId == programId && m.CustomerId == customerId).SingleOrDefaultAsync(ct);

    public async Task<BalanceResponse?> BalanceAsync(int membershipId, CancellationToken ct)
    {
        var row = await (
            from m in db.LoyaltyMemberships.AsNoTracking()
            join p in db.LoyaltyPrograms on m.ProgramId equals p.Id
            where m.Id == membershipId
            select new { m.Id, m.ProgramId, m.CustomerId, m.CardNumber, p.UnitName, m.ActivePoints, m.PendingPoints, p.PointValue }).SingleOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }

        var status = await tiers.GetStatusAsync(membershipId, ct);
        var tier = status?.TierId is { } tierId ? new TierResponse(tierId, status.TierName ?? "") : null;
        var next = status is { NextTierName: { } nextName, NextThreshold: { } threshold }
            ? new NextTierResponse(nextName, threshold, Math.Max(0, threshold - status.QualifyingValue))
            : null;
        return new BalanceResponse(row.Id, row.ProgramId, row.CustomerId, row.CardNumber, row.UnitName, row.ActivePoints, row.PendingPoints,
            Math.Max(0, row.ActivePoints) * row.PointValue, tier, status?.Basis ?? TierBasis.PointsEarned, status?.QualifyingValue ?? 0, next);
    }

    public Task<TierResponse?> TierOfAsync(int membershipId, CancellationToken ct) =>
        (from m in db.LoyaltyMemberships.AsNoTracking()
         join t in db.Tiers on m.CurrentTierId equals t.Id
         where m.Id == membershipId
         select new TierResponse(t.Id, t.Name)).SingleOrDefaultAsync(ct);

    private IQueryable<MembershipRef> Refs(Expression<Func<LoyaltyMembership, bool>> filter) =>
        from m in db.LoyaltyMemberships.AsNoTracking().Where(filter)
        join p in db.LoyaltyPrograms on m.ProgramId equals p.Id
        select new MembershipRef(m.Id, m.ProgramId, m.CustomerId, m.CardNumber, p.Status, p.Currency);

    private async Task<IReadOnlyList<MembershipResponse>> MembershipsAsync(IQueryable<LoyaltyMembership> memberships, CancellationToken ct)
    {
        var rows = await (
            from m in memberships.AsNoTracking()
            join t in db.Tiers on m.CurrentTierId equals t.Id into tierRows
            from t in tierRows.DefaultIfEmpty()
            orderby m.ProgramId
            select new { m.Id, m.ProgramId, m.CardNumber, m.ActivePoints, m.PendingPoints, m.CurrentTierId, TierName = t == null ? null : t.Name, m.JoinedAt })
            .ToListAsync(ct);
        return [.. rows.Select(r => new MembershipResponse(r.Id, r.ProgramId, r.CardNumber, MemberCard.QrPayload(r.CardNumber), r.ActivePoints, r.PendingPoints,
            r.CurrentTierId is { } id ? new TierResponse(id, r.TierName ?? "") : null, r.JoinedAt))];
    }
}

public sealed record MembershipRef(int MembershipId, int ProgramId, int CustomerId, string CardNumber, ProgramStatus ProgramStatus, string Currency);
