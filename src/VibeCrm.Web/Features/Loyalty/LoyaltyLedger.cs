using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Crm;
using VibeCrm.Data.Loyalty;
using VibeCrm.Data.Tenants;
using VibeCrm.Web.Features.Loyalty.Rules;

namespace VibeCrm.Web.Features.Loyalty;

/// <summary>
/// Who adjusts points. The back-office page passes the signed-in staff member's id and whether they hold the Manager
/// (or Owner) role, e.g. <c>new StaffActor(User.GetUserId(), User.IsInRole(Roles.Manager) || User.IsInRole(Roles.Owner))</c>;
/// the ledger refuses adjustments without it.
/// </summary>
public sealed record StaffActor(string UserId, bool IsManager);

public sealed record MembershipOutcome(CommandResult Result, int? MembershipId, bool Created);

/// <param name="Duplicate">The same idempotency key was already applied; nothing changed.</param>
public sealed record LedgerOutcome(CommandResult Result, long? EntryId = null, int Points = 0, bool Duplicate = false)
{
    public static LedgerOutcome Fail(string error, string code) => new(CommandResult.Fail(error, code));
}

public sealed record LoyaltyBalance(
    int MembershipId,
    int ProgramId,
    int CustomerId,
    string UnitName,
    int ActivePoints,
    int PendingPoints,
    int? TierId,
    string? TierName,
    DateTimeOffset JoinedAt,
    DateTimeOffset LastActivityAt,
    decimal ActiveValue);

public sealed record LedgerRow(long Id, LedgerEntryType Type, int ActiveDelta, int PendingDelta, DateTimeOffset OccurredAt, string? Reason, int? PurchaseId, int? RedemptionId, string? StaffUserId);

/// <summary>A lot as the portal shows it: what is left, when it unlocks, when it expires.</summary>
public sealed record LotRow(int LotId, LotKind Kind, int Points, int Remaining, bool IsPending, DateTimeOffset EarnedAt, DateTimeOffset AvailableAt, DateTimeOffset? ExpiresAt);

public sealed record ProgramLiability(int ProgramId, long ActivePoints, long PendingPoints, decimal ActiveValue);

/// <summary>
/// The points ledger of a program: joining, bonuses, staff adjustments, pending release, expiry, and the reads the portal
/// and back office need. Purchases and refunds are in <see cref="PurchaseRecorder"/>, rewards in <see cref="RewardRedemptions"/>.
/// </summary>
public sealed class LoyaltyLedger(TenantDbContext db, LedgerRunner runner, TimeProvider clock, ILoyaltyEvents events)
{
    public const int MaxReasonLength = 500;

    /// <summary>Enrols a customer (idempotent: an existing membership is returned) and credits the sign-up bonus.</summary>
    public async Task<MembershipOutcome> JoinAsync(int programId, int customerId, CancellationToken ct)
    {
        var existing = await FindMembershipIdAsync(programId, customerId, ct);
        if (existing is { } id)
        {
            return new MembershipOutcome(CommandResult.Ok, id, Created: false);
        }

        var program = await db.LoyaltyPrograms.AsNoTracking().SingleOrDefaultAsync(p => p.Id == programId, ct);
        if (program is not { Status: ProgramStatus.Active })
        {
            return new MembershipOutcome(CommandResult.Fail("This loyalty program is not open for members.", LoyaltyErrors.ProgramNotActive), null, false);
        }

        var customer = await db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == customerId, ct);
        if (customer is null || customer.MergedIntoId is not null || customer.ErasedAt is not null || customer.Status == CustomerStatus.Blocked)
        {
            return new MembershipOutcome(CommandResult.Fail("This customer cannot join the program.", LoyaltyErrors.CustomerNotEligible), null, false);
        }

        var now = clock.GetUtcNow();
        var membership = new LoyaltyMembership { ProgramId = programId, CustomerId = customerId, JoinedAt = now, LastActivityAt = now };
        db.LoyaltyMemberships.Add(membership);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex)
        {
            // joined concurrently: the unique (program, customer) index kept one membership
            db.ChangeTracker.Clear();
            var raced = await FindMembershipIdAsync(programId, customerId, ct);
            return raced is { } r ? new MembershipOutcome(CommandResult.Ok, r, false) : throw new InvalidOperationException("Membership insert failed.", ex);
        }

        await AwardBonusAsync(membership.Id, EarnRuleKind.SignUpBonus, "join", ct);
        runner.AfterCommit(() => events.MemberJoined(membership.Id));
        return new MembershipOutcome(CommandResult.Ok, membership.Id, Created: true);
    }

    public Task<int?> FindMembershipIdAsync(int programId, int customerId, CancellationToken ct) =>
        db.LoyaltyMemberships.AsNoTracking()
            .Where(m => m.ProgramId == programId && m.CustomerId == customerId)
            .Select(m => (int?)m.Id)
            .SingleOrDefaultAsync(ct);

    public async Task<LoyaltyBalance?> GetBalanceAsync(int membershipId, CancellationToken ct)
    {
        var row = await (
            from m in db.LoyaltyMemberships.AsNoTracking()
            join p in db.LoyaltyPrograms on m.ProgramId equals p.Id
            join t in db.Tiers on m.CurrentTierId equals t.Id into tiers
            from t in tiers.DefaultIfEmpty()
            where m.Id == membershipId
            select new { m, p.UnitName, p.PointValue, TierName = t != null ? t.Name : null }).SingleOrDefaultAsync(ct);
        return row is null
            ? null
            : new LoyaltyBalance(row.m.Id, row.m.ProgramId, row.m.CustomerId, row.UnitName, row.m.ActivePoints, row.m.PendingPoints,
                row.m.CurrentTierId, row.TierName, row.m.JoinedAt, row.m.LastActivityAt, Math.Max(0, row.m.ActivePoints) * row.PointValue);
    }

    /// <summary>The ledger, newest first, paged.</summary>
    public async Task<IReadOnlyList<LedgerRow>> GetHistoryAsync(int membershipId, int page, int pageSize, CancellationToken ct) =>
        await db.LedgerEntries.AsNoTracking()
            .Where(e => e.MembershipId == membershipId)
            .OrderByDescending(e => e.Id)
            .Skip(Math.Max(0, page - 1) * pageSize)
            .Take(pageSize)
            .Select(e => new LedgerRow(e.Id, e.Type, e.ActiveDelta, e.PendingDelta, e.OccurredAt, e.Reason, e.PurchaseId, e.RedemptionId, e.StaffUserId))
            .ToListAsync(ct);

    /// <summary>Lots with points left, in spending order (the first to expire first): the portal's "expiring soon".</summary>
    public async Task<IReadOnlyList<LotRow>> GetOpenLotsAsync(int membershipId, CancellationToken ct)
    {
        var lots = await db.PointLots.AsNoTracking()
            .Where(l => l.MembershipId == membershipId && l.Remaining > 0)
            .Select(l => new LotRow(l.Id, l.Kind, l.Points, l.Remaining, l.IsPending, l.EarnedAt, l.AvailableAt, l.ExpiresAt))
            .ToListAsync(ct);
        return [.. lots.OrderBy(l => l.IsPending).ThenBy(l => l.ExpiresAt ?? DateTimeOffset.MaxValue).ThenBy(l => l.EarnedAt).ThenBy(l => l.LotId)];
    }

    /// <summary>Outstanding points of a program and their value (the liability figure). Negative balances count as zero.</summary>
    public async Task<ProgramLiability> GetLiabilityAsync(int programId, CancellationToken ct)
    {
        var pointValue = await db.LoyaltyPrograms.Where(p => p.Id == programId).Select(p => p.PointValue).SingleAsync(ct);
        var active = await db.LoyaltyMemberships.Where(m => m.ProgramId == programId && m.ActivePoints > 0).SumAsync(m => (long)m.ActivePoints, ct);
        var pending = await db.LoyaltyMemberships.Where(m => m.ProgramId == programId).SumAsync(m => (long)m.PendingPoints, ct);
        return new ProgramLiability(programId, active, pending, active * pointValue);
    }

    /// <summary>
    /// Credits the bonus rules of <paramref name="kind"/> (sign-up, birthday, review, referral) once per
    /// <paramref name="sourceKey"/> (e.g. the review id, the referred customer id, "2026" for a birthday).
    /// </summary>
    public async Task<LedgerOutcome> AwardBonusAsync(int membershipId, EarnRuleKind kind, string sourceKey, CancellationToken ct)
    {
        if (kind is not (EarnRuleKind.SignUpBonus or EarnRuleKind.BirthdayMonth or EarnRuleKind.ReviewBonus or EarnRuleKind.ReferralBonus))
        {
            return LedgerOutcome.Fail("This rule does not give a bonus on its own.", LoyaltyErrors.InvalidInput);
        }

        if (string.IsNullOrWhiteSpace(sourceKey))
        {
            return LedgerOutcome.Fail("A bonus needs the reference of what earned it.", LoyaltyErrors.InvalidInput);
        }

        if (!await db.LoyaltyMemberships.AnyAsync(m => m.Id == membershipId, ct))
        {
            return LedgerOutcome.Fail("No such member.", LoyaltyErrors.NotAMember);
        }

        var key = $"{kind}:{sourceKey.Trim()}";
        return await runner.RunAsync(membershipId, async s =>
        {
            if (s.Program.Status != ProgramStatus.Active)
            {
                s.Abort();
                return LedgerOutcome.Fail("This loyalty program is not active.", LoyaltyErrors.ProgramNotActive);
            }

            if (await s.HasKeyAsync(key, ct))
            {
                s.Abort();
                return new LedgerOutcome(CommandResult.Ok, Duplicate: true);
            }

            var points = EarnCalculator.Bonus(s.Program.EarnRules, kind, s.Now, s.TimeZone);
            if (points <= 0)
            {
                s.Abort();
                return new LedgerOutcome(CommandResult.Ok);
            }

            var entry = s.Credit(LedgerEntryType.Bonus, LotKind.Bonus, points, s.Now, pending: false, s.Now, reason: kind.ToString(), key: key);
            s.Touch();
            s.TierActivity = true;
            await s.SaveAsync(ct);
            return new LedgerOutcome(CommandResult.Ok, entry.Id, points);
        }, ct);
    }

    /// <summary>
    /// A staff correction: positive credits a new lot, negative draws from the lots (oldest-expiring first) and may not take
    /// more than the spendable balance. Only managers (or owners) may adjust, and a reason is required.
    /// </summary>
    public async Task<LedgerOutcome> AdjustAsync(int membershipId, int points, string? reason, StaffActor staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(staff);
        if (!staff.IsManager || string.IsNullOrWhiteSpace(staff.UserId))
        {
            return LedgerOutcome.Fail("Only a manager can adjust points.", LoyaltyErrors.NotManager);
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return LedgerOutcome.Fail("Give a reason for the adjustment.", LoyaltyErrors.ReasonRequired);
        }

        if (reason.Trim().Length > MaxReasonLength)
        {
            return LedgerOutcome.Fail($"Keep the reason under {MaxReasonLength} characters.", LoyaltyErrors.ReasonRequired);
        }

        if (points == 0)
        {
            return LedgerOutcome.Fail("Enter a number of points other than zero.", LoyaltyErrors.InvalidInput);
        }

        if (!await db.LoyaltyMemberships.AnyAsync(m => m.Id == membershipId, ct))
        {
            return LedgerOutcome.Fail("No such member.", LoyaltyErrors.NotAMember);
        }

        return await runner.RunAsync(membershipId, async s =>
        {
            LedgerEntry entry;
            if (points > 0)
            {
                entry = s.Credit(LedgerEntryType.Adjust, LotKind.Adjust, points, s.Now, pending: false, s.Now, reason: reason.Trim(), staffUserId: staff.UserId);
            }
            else
            {
                if (s.Membership.ActivePoints < -points)
                {
                    s.Abort();
                    return LedgerOutcome.Fail($"The member has only {Math.Max(0, s.Membership.ActivePoints)} {s.Program.UnitName} to take from.", LoyaltyErrors.InsufficientPoints);
                }

                entry = await s.SpendAsync(LedgerEntryType.Adjust, -points, ct, reason: reason.Trim(), staffUserId: staff.UserId);
            }

            await s.SaveAsync(ct);
            return new LedgerOutcome(CommandResult.Ok, entry.Id, points);
        }, ct);
    }

    /// <summary>Unlocks every pending lot whose return window has ended. Returns how many lots were released.</summary>
    public async Task<int> ReleasePendingAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var memberships = await db.PointLots.AsNoTracking()
            .Where(l => l.IsPending && l.AvailableAt <= now)
            .Select(l => l.MembershipId)
            .Distinct()
            .ToListAsync(ct);
        var released = 0;
        foreach (var membershipId in memberships)
        {
            released += await runner.RunAsync(membershipId, async s =>
            {
                var lots = await s.Db.PointLots.Where(l => l.MembershipId == membershipId && l.IsPending && l.AvailableAt <= s.Now).ToListAsync(ct);
                foreach (var lot in lots.OrderBy(l => l.AvailableAt).ThenBy(l => l.Id))
                {
                    s.Release(lot);
                }

                s.TierActivity = true;
                return lots.Count;
            }, ct);
        }

        return released;
    }

    /// <summary>
    /// Expires lots whose expiry has come (what is left of them), and for inactivity programs every lot of the members
    /// inactive for too long. Returns the number of points expired.
    /// </summary>
    public async Task<int> ExpireAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var dueByLot = await db.PointLots.AsNoTracking()
            .Where(l => !l.IsPending && l.Remaining > 0 && l.ExpiresAt != null && l.ExpiresAt <= now)
            .Select(l => l.MembershipId)
            .Distinct()
            .ToListAsync(ct);
        var inactivity = await db.LoyaltyPrograms.AsNoTracking()
            .Where(p => p.ExpiryKind == ExpiryKind.Inactivity && p.ExpiryDays > 0)
            .Select(p => new { p.Id, p.ExpiryDays })
            .ToListAsync(ct);
        var dueByInactivity = new List<int>();
        foreach (var program in inactivity)
        {
            var before = ExpiryPolicy.InactiveBefore(program.ExpiryDays, now);
            dueByInactivity.AddRange(await db.LoyaltyMemberships.AsNoTracking()
                .Where(m => m.ProgramId == program.Id && m.LastActivityAt <= before && m.ActivePoints > 0)
                .Select(m => m.Id)
                .ToListAsync(ct));
        }

        var expired = 0;
        foreach (var membershipId in dueByLot.Union(dueByInactivity).Order())
        {
            expired += await runner.RunAsync(membershipId, async s =>
            {
                var lots = await s.Db.PointLots.Where(l => l.MembershipId == membershipId && !l.IsPending && l.Remaining > 0).ToListAsync(ct);
                var balances = lots.Select(l => new LotBalance(l.Id, l.Remaining, l.ExpiresAt, l.EarnedAt)).ToList();
                var inactive = ExpiryPolicy.InactivityExpiresAt(s.Program.ExpiryKind, s.Program.ExpiryDays, s.Membership.LastActivityAt) is { } at && at <= s.Now;
                var draws = inactive ? LotAllocator.ExpireAll(balances) : LotAllocator.Expire(balances, s.Now);
                foreach (var draw in draws)
                {
                    s.Expire(lots.First(l => l.Id == draw.LotId));
                }

                return draws.Sum(d => d.Points);
            }, ct);
        }

        return expired;
    }
}
