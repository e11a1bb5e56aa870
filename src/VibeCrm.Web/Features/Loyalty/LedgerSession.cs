using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Loyalty;
using VibeCrm.Data.Tenants;
using VibeCrm.Web.Features.Loyalty.Rules;

namespace VibeCrm.Web.Features.Loyalty;

/// <summary>
/// One ledger change of one membership, inside a database transaction. Every balance change goes through here:
/// it appends entries, creates or draws lots with allocations, and moves the cached balances by the same deltas.
/// Debt (a negative active balance after a refund of spent points) is paid first from any points credited later.
/// </summary>
public sealed class LedgerSession
{
    private readonly TenantDbContext _db;

    internal LedgerSession(TenantDbContext db, LoyaltyMembership membership, LoyaltyProgram program, TimeZoneInfo timeZone, DateTimeOffset now)
    {
        _db = db;
        Membership = membership;
        Program = program;
        TimeZone = timeZone;
        Now = now;
    }

    public LoyaltyMembership Membership { get; }

    public LoyaltyProgram Program { get; }

    public TimeZoneInfo TimeZone { get; }

    public DateTimeOffset Now { get; }

    public TenantDbContext Db => _db;

    /// <summary>Set to recalculate the tier (upgrade only) before commit.</summary>
    public bool TierActivity { get; set; }

    /// <summary>Set to roll the transaction back (a refused command).</summary>
    public bool Aborted { get; private set; }

    public void Abort() => Aborted = true;

    /// <summary>Saves inside the transaction (ids become known); the membership's new stamp is checked on the first save.</summary>
    public async Task SaveAsync(CancellationToken ct)
    {
        if (BeforeSave is { } join)
        {
            await join(ct);
        }

        await _db.SaveChangesAsync(ct);
    }

    /// <summary>Run before every save: a change joining its transaction late joins it here (<see cref="LedgerRunner"/>).</summary>
    internal Func<CancellationToken, Task>? BeforeSave { get; init; }

    public void Touch() => Membership.LastActivityAt = Membership.LastActivityAt > Now ? Membership.LastActivityAt : Now;

    public Task<bool> HasKeyAsync(string key, CancellationToken ct) =>
        _db.LedgerEntries.AnyAsync(e => e.MembershipId == Membership.Id && e.IdempotencyKey == key, ct);

    /// <summary>Credits a new lot (Earn, Bonus or positive Adjust).</summary>
    /// <param name="purchase">The purchase being recorded in the same save (its id is not known yet), instead of <paramref name="purchaseId"/>.</param>
    public LedgerEntry Credit(LedgerEntryType type, LotKind kind, int points, DateTimeOffset earnedAt, bool pending, DateTimeOffset availableAt,
        int? purchaseId = null, string? reason = null, string? key = null, string? staffUserId = null, Purchase? purchase = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(points);
        var entry = NewEntry(type, earnedAt, reason, key);
        entry.PurchaseId = purchaseId;
        entry.Purchase = purchase;
        entry.StaffUserId = staffUserId;
        var lot = new PointLot
        {
            ProgramId = Program.Id,
            MembershipId = Membership.Id,
            Kind = kind,
            Points = points,
            Remaining = points,
            IsPending = pending,
            EarnedAt = earnedAt,
            AvailableAt = pending ? availableAt : earnedAt,
            ExpiresAt = ExpiryPolicy.LotExpiresAt(Program.ExpiryKind, Program.ExpiryDays, earnedAt, TimeZone),
            PurchaseId = purchaseId,
            Purchase = purchase,
            SourceEntry = entry,
        };
        entry.Allocations.Add(new LedgerAllocation { Lot = lot, Points = points });
        if (pending)
        {
            entry.PendingDelta = points;
            Membership.PendingPoints += points;
        }
        else
        {
            SettleDebt(entry, lot);
            entry.ActiveDelta = points;
            Membership.ActivePoints += points;
        }

        _db.PointLots.Add(lot);
        _db.LedgerEntries.Add(entry);
        return entry;
    }

    /// <summary>Spends from the active lots, oldest-expiring first. The caller checks the balance; a shortfall throws.</summary>
    public async Task<LedgerEntry> SpendAsync(LedgerEntryType type, int points, CancellationToken ct, int? redemptionId = null,
        string? reason = null, string? key = null, string? staffUserId = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(points);
        var lots = await ActiveLotsAsync(ct);
        var plan = LotAllocator.Spend(lots.Select(Balance), points);
        if (plan.Shortfall > 0)
        {
            throw new InvalidOperationException($"Lots of membership {Membership.Id} cover {plan.Drawn} of {points} points; the cached balance is out of step.");
        }

        var entry = NewEntry(type, Now, reason, key);
        entry.RedemptionId = redemptionId;
        entry.StaffUserId = staffUserId;
        Draw(entry, lots, plan.Draws);
        entry.ActiveDelta = -points;
        Membership.ActivePoints -= points;
        _db.LedgerEntries.Add(entry);
        return entry;
    }

    /// <summary>
    /// Takes back <paramref name="points"/> of a refunded purchase: from the purchase's own lots first (pending or not),
    /// then from the other active lots oldest-expiring first; what has already been spent becomes debt (negative balance).
    /// </summary>
    public async Task<LedgerEntry> ReverseAsync(int purchaseId, int points, string key, string? reason, CancellationToken ct)
    {
        var entry = NewEntry(LedgerEntryType.RefundReversal, Now, reason, key);
        entry.PurchaseId = purchaseId;
        _db.LedgerEntries.Add(entry);
        if (points <= 0)
        {
            return entry;
        }

        var own = await _db.PointLots.Where(l => l.MembershipId == Membership.Id && l.PurchaseId == purchaseId).ToListAsync(ct);
        var others = await ActiveLotsAsync(ct);
        others = [.. others.Where(l => l.PurchaseId != purchaseId)];
        var plan = LotAllocator.Reverse(own.Where(l => l.Remaining > 0).Select(Balance), others.Select(Balance), points);
        var all = own.Concat(others).ToList();
        var fromPending = plan.Draws.Where(d => all.First(l => l.Id == d.LotId).IsPending).Sum(d => d.Points);
        Draw(entry, all, plan.Draws);
        entry.PendingDelta = -fromPending;
        entry.ActiveDelta = -(points - fromPending);
        Membership.PendingPoints += entry.PendingDelta;
        Membership.ActivePoints += entry.ActiveDelta;

        // tier qualification: the purchase earned less, wherever the points were taken from
        var toMark = points;
        foreach (var lot in own.Where(l => l.Kind == LotKind.Earn).OrderBy(l => l.Id))
        {
            var mark = Math.Min(toMark, lot.Points - lot.Reversed);
            lot.Reversed += mark;
            toMark -= mark;
        }

        return entry;
    }

    /// <summary>Unlocks a pending lot at the end of its return window.</summary>
    public void Release(PointLot lot)
    {
        lot.IsPending = false;
        if (lot.Remaining == 0)
        {
            return;
        }

        var points = lot.Remaining;
        var entry = NewEntry(LedgerEntryType.PendingRelease, Now, null, null);
        entry.LotId = lot.Id;
        entry.PendingDelta = -points;
        entry.ActiveDelta = points;
        Membership.PendingPoints -= points;
        SettleDebt(entry, lot);
        Membership.ActivePoints += points;
        _db.LedgerEntries.Add(entry);
        TierActivity = true;
    }

    /// <summary>Expires what is left of a lot: one Expire entry per lot.</summary>
    public void Expire(PointLot lot)
    {
        if (lot.Remaining <= 0 || lot.IsPending)
        {
            return;
        }

        var entry = NewEntry(LedgerEntryType.Expire, Now, null, null);
        entry.LotId = lot.Id;
        entry.ActiveDelta = -lot.Remaining;
        entry.Allocations.Add(new LedgerAllocation { LotId = lot.Id, Points = -lot.Remaining });
        Membership.ActivePoints -= lot.Remaining;
        lot.Remaining = 0;
        _db.LedgerEntries.Add(entry);
    }

    /// <summary>Gives a cancelled redemption's points back to the very lots it drew from.</summary>
    public async Task<LedgerEntry> RestoreAsync(LedgerEntry spend, int redemptionId, string? reason, CancellationToken ct)
    {
        var draws = await _db.LedgerAllocations.Where(a => a.EntryId == spend.Id && a.Points < 0).ToListAsync(ct);
        var lotIds = draws.Select(d => d.LotId).ToList();
        var lots = await _db.PointLots.Where(l => lotIds.Contains(l.Id)).ToListAsync(ct);
        var entry = NewEntry(LedgerEntryType.CancelRedemption, Now, reason, $"cancel:{redemptionId}");
        entry.RedemptionId = redemptionId;
        var points = 0;
        foreach (var draw in draws)
        {
            var lot = lots.First(l => l.Id == draw.LotId);
            lot.Remaining -= draw.Points;
            points -= draw.Points;
            entry.Allocations.Add(new LedgerAllocation { LotId = lot.Id, Points = -draw.Points });
        }

        foreach (var lot in lots.OrderBy(l => l.ExpiresAt ?? DateTimeOffset.MaxValue))
        {
            SettleDebt(entry, lot);
        }

        entry.ActiveDelta = points;
        Membership.ActivePoints += points;
        _db.LedgerEntries.Add(entry);
        return entry;
    }

    private Task<List<PointLot>> ActiveLotsAsync(CancellationToken ct) =>
        _db.PointLots.Where(l => l.MembershipId == Membership.Id && !l.IsPending && l.Remaining > 0).ToListAsync(ct);

    /// <summary>While the balance is negative, the lot being credited pays the debt first.</summary>
    private void SettleDebt(LedgerEntry entry, PointLot lot)
    {
        var debt = -Membership.ActivePoints - PendingDebtSettled(entry);
        if (debt <= 0 || lot.Remaining <= 0)
        {
            return;
        }

        var pay = Math.Min(debt, lot.Remaining);
        lot.Remaining -= pay;
        entry.Allocations.Add(lot.Id == 0 ? new LedgerAllocation { Lot = lot, Points = -pay } : new LedgerAllocation { LotId = lot.Id, Points = -pay });
    }

    // debt already paid within this entry (several lots restored by one cancellation)
    private static int PendingDebtSettled(LedgerEntry entry) => entry.Allocations.Where(a => a.Points < 0).Sum(a => -a.Points);

    private static void Draw(LedgerEntry entry, List<PointLot> lots, IReadOnlyList<LotDraw> draws)
    {
        foreach (var draw in draws)
        {
            var lot = lots.First(l => l.Id == draw.LotId);
            lot.Remaining -= draw.Points;
            entry.Allocations.Add(new LedgerAllocation { LotId = lot.Id, Points = -draw.Points });
        }
    }

    private LedgerEntry NewEntry(LedgerEntryType type, DateTimeOffset occurredAt, string? reason, string? key) => new()
    {
        ProgramId = Program.Id,
        MembershipId = Membership.Id,
        Type = type,
        OccurredAt = occurredAt,
        RecordedAt = Now,
        Reason = reason,
        IdempotencyKey = key,
    };

    private static LotBalance Balance(PointLot lot) => new(lot.Id, lot.Remaining, lot.ExpiresAt, lot.EarnedAt);
}
