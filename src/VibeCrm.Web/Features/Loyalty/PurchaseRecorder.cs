using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Loyalty;
using VibeCrm.Data.Tenants;
using VibeCrm.Web.Features.Loyalty.Rules;

namespace VibeCrm.Web.Features.Loyalty;

public sealed record PurchaseLineInput(string Sku, string Name, string? Category, decimal Quantity, decimal UnitPrice);

/// <summary>Whom a purchase is for: one of a membership, a member card, or a customer in a program; and, optionally, the program it must be in.</summary>
public sealed record PurchaseMember(int? MembershipId = null, string? CardNumber = null, int? CustomerId = null, int? ProgramId = null)
{
    public static PurchaseMember InProgram(int programId, int customerId) => new(CustomerId: customerId, ProgramId: programId);
}

/// <param name="ExternalId">The till's receipt id: the same id twice earns once.</param>
/// <param name="Currency">Null: the program's currency.</param>
public sealed record PurchaseInput(
    PurchaseMember Member,
    string ExternalId,
    IReadOnlyList<PurchaseLineInput> Lines,
    decimal Total,
    string? Currency,
    string? PaymentMethod,
    string? StoreCode,
    DateTimeOffset OccurredAt)
{
    /// <summary>A purchase of a customer in a program.</summary>
    public PurchaseInput(int programId, int customerId, string externalId, IReadOnlyList<PurchaseLineInput> lines, decimal total, string? currency,
        string? paymentMethod, string? storeCode, DateTimeOffset occurredAt)
        : this(PurchaseMember.InProgram(programId, customerId), externalId, lines, total, currency, paymentMethod, storeCode, occurredAt)
    {
    }
}

/// <param name="Duplicate">The external id was already recorded; the first outcome is returned and nothing changed.</param>
/// <param name="Tier">The member's tier after the purchase (null without one; not filled for a duplicate).</param>
public sealed record PurchaseOutcome(CommandResult Result, int? PurchaseId = null, int Points = 0, bool Pending = false, bool Duplicate = false, int ActiveBalance = 0, int PendingBalance = 0,
    Tier? Tier = null, int? MembershipId = null);

/// <summary>A refunded line: by SKU (spread over the purchase's lines with that SKU, in order).</summary>
public sealed record RefundLineInput(string Sku, decimal Quantity);

/// <param name="Lines">Null: the whole purchase.</param>
/// <param name="RefundExternalId">The till's refund id: the same refund twice reverses once.</param>
public sealed record RefundInput(int ProgramId, string PurchaseExternalId, string RefundExternalId, IReadOnlyList<RefundLineInput>? Lines);

/// <param name="PointsFromDebt">Reversed points that had already been spent: the balance went negative by this much.</param>
public sealed record RefundOutcome(CommandResult Result, int PointsReversed = 0, decimal AmountRefunded = 0, bool Duplicate = false, int PointsFromDebt = 0, int ActiveBalance = 0);

/// <summary>
/// Purchases from the till: points by the earn rules, a lot (pending for the return window when the program has one),
/// tier recalculation. Refunds reverse exactly what the refunded lines earned.
/// </summary>
public sealed class PurchaseRecorder(TenantDbContext db, LedgerRunner runner, TimeProvider clock)
{
    public async Task<PurchaseOutcome> RecordAsync(PurchaseInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var error = Validate(input);
        if (error is not null)
        {
            return new PurchaseOutcome(CommandResult.Fail(error, LoyaltyErrors.InvalidInput));
        }

        var externalId = input.ExternalId.Trim();

        // one read before any write: the membership, its program's status and currency, the customer's birthday, and
        // whether the receipt is recorded already (a till retrying); one recorded at the same moment is refused by the
        // unique (program, external id) index, below
        var member = await FindMemberAsync(input.Member, externalId, ct);
        if (member?.RecordedPurchaseId is not null && await ExistingAsync(member.ProgramId, externalId, ct) is { } existing)
        {
            return existing;
        }

        var currency = input.Currency?.Trim().ToUpperInvariant() ?? member?.Currency;
        var refusal = member is null ? await NotMemberReasonAsync(input.Member.ProgramId, ct)
            : member.Status != ProgramStatus.Active ? NotActive
            : !string.Equals(member.Currency, currency, StringComparison.OrdinalIgnoreCase)
                ? CommandResult.Fail($"This program earns on {member.Currency} purchases only.", LoyaltyErrors.CurrencyMismatch)
            : null;
        if (refusal is not null)
        {
            return new PurchaseOutcome(refusal);
        }

        // the rules are read before the transaction: only the balance must be read inside it
        var program = await runner.LoadProgramAsync(member!.ProgramId, ct);
        try
        {
            var earned = await runner.RunAsync(member.Id, s => EarnAsync(s, input, externalId, currency!, member.Birthday, ct), ct, program: program);

            // the purchase and the membership as the change left them: the id is known and the tier recalculated
            return earned.Outcome with
            {
                PurchaseId = earned.Purchase.Id,
                MembershipId = member.Id,
                Tier = program.Tiers.FirstOrDefault(t => t.Id == earned.Membership.CurrentTierId),
            };
        }
        catch (DbUpdateException)
        {
            // the same receipt recorded concurrently: the unique (program, external id) index kept one
            db.ChangeTracker.Clear();
            var recorded = await ExistingAsync(member.ProgramId, externalId, ct);
            if (recorded is null)
            {
                throw;
            }

            return recorded;
        }
    }

    /// <summary>Reverses the points of refunded lines (or the whole purchase). See <see cref="LedgerSession.ReverseAsync"/> for where they are taken from.</summary>
    public async Task<RefundOutcome> RefundAsync(RefundInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (string.IsNullOrWhiteSpace(input.RefundExternalId) || string.IsNullOrWhiteSpace(input.PurchaseExternalId))
        {
            return new RefundOutcome(CommandResult.Fail("A refund needs the receipt id and its own id.", LoyaltyErrors.InvalidInput));
        }

        if (input.Lines is { } requested && (requested.Count == 0 || requested.Any(l => l.Quantity <= 0 || string.IsNullOrWhiteSpace(l.Sku))))
        {
            return new RefundOutcome(CommandResult.Fail("Each refunded line needs a SKU and a positive quantity.", LoyaltyErrors.InvalidInput));
        }

        var purchaseExternalId = input.PurchaseExternalId.Trim();
        var found = await db.Purchases.AsNoTracking()
            .Where(p => p.ProgramId == input.ProgramId && p.ExternalId == purchaseExternalId)
            .Select(p => new { p.Id, p.MembershipId })
            .SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return new RefundOutcome(CommandResult.Fail("No purchase with this receipt id.", LoyaltyErrors.UnknownPurchase));
        }

        var key = $"refund:{input.RefundExternalId.Trim()}";
        return await runner.RunAsync(found.MembershipId, async s =>
        {
            if (await s.HasKeyAsync(key, ct))
            {
                s.Abort();
                return new RefundOutcome(CommandResult.Ok, Duplicate: true, ActiveBalance: s.Membership.ActivePoints);
            }

            var purchase = await s.Db.Purchases.Include(p => p.Lines).SingleAsync(p => p.Id == found.Id, ct);
            var plan = PlanRefund(purchase, input.Lines);
            if (plan.Error is not null)
            {
                s.Abort();
                return new RefundOutcome(CommandResult.Fail(plan.Error, plan.Code));
            }

            var before = s.Membership.ActivePoints;
            await s.ReverseAsync(purchase.Id, plan.Points, key, $"Refund {input.RefundExternalId.Trim()} of {purchase.ExternalId}", ct);
            purchase.PointsReversed += plan.Points;
            purchase.RefundedAmount += plan.Amount;
            await s.SaveAsync(ct);
            var debt = Math.Max(0, -s.Membership.ActivePoints) - Math.Max(0, -before);
            return new RefundOutcome(CommandResult.Ok, plan.Points, plan.Amount, PointsFromDebt: debt, ActiveBalance: s.Membership.ActivePoints);
        }, ct);
    }

    /// <summary>A recorded purchase: the outcome so far, the purchase and the membership (tracked: complete once the change is saved).</summary>
    private sealed record Earned(PurchaseOutcome Outcome, Purchase Purchase, LoyaltyMembership Membership);

    private static async Task<Earned> EarnAsync(LedgerSession s, PurchaseInput input, string externalId, string currency, DateOnly? birthday, CancellationToken ct)
    {
        var membership = s.Membership;
        var occurredAt = input.OccurredAt.ToUniversalTime();
        var periods = LoyaltyTime.Periods(occurredAt, s.TimeZone);
        var history = NeedsHistory(s.Program)
            ? await s.Db.LoyaltyMemberships.Where(m => m.Id == membership.Id).Select(m => new PurchaseHistory(
                !s.Db.Purchases.Any(p => p.MembershipId == m.Id),
                s.Db.Purchases.Where(p => p.MembershipId == m.Id && p.OccurredAt >= periods.DayStart && p.OccurredAt < periods.DayEnd).Sum(p => p.PointsEarned),
                s.Db.Purchases.Where(p => p.MembershipId == m.Id && p.OccurredAt >= periods.MonthStart && p.OccurredAt < periods.MonthEnd).Sum(p => p.PointsEarned)))
                .SingleAsync(ct)
            : new PurchaseHistory(false, 0, 0);
        var tierMultiplier = s.Program.Tiers.FirstOrDefault(t => t.Id == membership.CurrentTierId)?.Benefits
            .Where(b => b.Kind == TierBenefitKind.EarnMultiplier && b.Value is > 0)
            .Select(b => b.Value!.Value)
            .DefaultIfEmpty(1m)
            .Max() ?? 1m;
        var context = new EarnContext(
            occurredAt,
            s.TimeZone,
            birthday,
            history.First,
            tierMultiplier,
            history.Day,
            history.Month);
        var lines = input.Lines.Select(l => new EarnLine(l.Sku, l.Category, l.Quantity, l.UnitPrice)).ToList();
        var earned = EarnCalculator.Calculate(s.Program, s.Program.EarnRules, input.Total, lines, context);

        var availableAt = occurredAt.AddDays(Math.Max(0, s.Program.PendingDays));
        var pending = availableAt > s.Now;
        var purchase = new Purchase
        {
            ProgramId = membership.ProgramId,
            MembershipId = membership.Id,
            ExternalId = externalId,
            Total = input.Total,
            Currency = currency,
            PaymentMethod = input.PaymentMethod?.Trim(),
            StoreCode = input.StoreCode?.Trim(),
            OccurredAt = occurredAt,
            RecordedAt = s.Now,
            PointsEarned = earned.Points,
            BonusPoints = earned.BonusPoints,
            AvailableAt = pending ? availableAt : occurredAt,
            Lines = [.. input.Lines.Select((l, i) => new PurchaseLine
            {
                Sku = l.Sku.Trim(),
                Name = l.Name.Trim(),
                Category = l.Category?.Trim(),
                Quantity = l.Quantity,
                UnitPrice = l.UnitPrice,
                Points = i < earned.LinePoints.Count ? earned.LinePoints[i] : 0,
            })],
        };
        // saved with the ledger rows in the change's one save: its id is known once the change is done
        s.Db.Purchases.Add(purchase);
        if (earned.Points > 0)
        {
            s.Credit(LedgerEntryType.Earn, LotKind.Earn, earned.Points, occurredAt, pending, availableAt,
                reason: earned.AppliedRules.Count > 0 ? string.Join(", ", earned.AppliedRules) : null, purchase: purchase);
        }

        s.Touch();
        s.TierActivity = true;
        return new Earned(
            new PurchaseOutcome(CommandResult.Ok, null, earned.Points, pending && earned.Points > 0, false, membership.ActivePoints, membership.PendingPoints),
            purchase,
            membership);
    }

    private static readonly CommandResult NotActive = CommandResult.Fail("This loyalty program is not active.", LoyaltyErrors.ProgramNotActive);

    private static readonly CommandResult NotAMember = CommandResult.Fail("This customer is not a member of the program.", LoyaltyErrors.NotAMember);

    /// <summary>Why no member was found: the program named exists but is not active, or there is no such member.</summary>
    private async Task<CommandResult> NotMemberReasonAsync(int? programId, CancellationToken ct) =>
        programId is { } id && await db.LoyaltyPrograms.AnyAsync(p => p.Id == id && p.Status != ProgramStatus.Active, ct) ? NotActive : NotAMember;

    /// <summary>What the checks need of the member, and the id of the purchase with this receipt id in the member's program, if any.</summary>
    private sealed record MemberRow(int Id, int ProgramId, ProgramStatus Status, string Currency, DateOnly? Birthday, int? RecordedPurchaseId);

    private Task<MemberRow?> FindMemberAsync(PurchaseMember who, string externalId, CancellationToken ct) =>
        MemberQuery(db, who.MembershipId, who.CardNumber, who.CustomerId, who.ProgramId, externalId, ct);

    // compiled: every purchase of the API runs it. A filter whose value is null drops out of the SQL (EF specialises the
    // statement on which parameters are null), so each way of naming the member gets its own indexed lookup
    private static readonly Func<TenantDbContext, int?, string?, int?, int?, string, CancellationToken, Task<MemberRow?>> MemberQuery =
        EF.CompileAsyncQuery((TenantDbContext db, int? membershipId, string? card, int? customerId, int? programId, string externalId, CancellationToken ct) =>
            (from m in db.LoyaltyMemberships.AsNoTracking()
             where (membershipId == null || m.Id == membershipId) && (card == null || m.CardNumber == card)
                 && (customerId == null || m.CustomerId == customerId) && (programId == null || m.ProgramId == programId)
             join p in db.LoyaltyPrograms on m.ProgramId equals p.Id
             join c in db.Customers on m.CustomerId equals c.Id
             select new MemberRow(m.Id, m.ProgramId, p.Status, p.Currency, c.Birthday,
                 db.Purchases.Where(x => x.ProgramId == m.ProgramId && x.ExternalId == externalId).Select(x => (int?)x.Id).FirstOrDefault()))
            .SingleOrDefault());

    /// <summary>The member's purchases so far, as far as the rules look at them: a first purchase, points earned today and this month.</summary>
    private sealed record PurchaseHistory(bool First, int Day, int Month);

    /// <summary>Only a first-purchase bonus and the day and month caps look at earlier purchases.</summary>
    private static bool NeedsHistory(LoyaltyProgram program) =>
        program.MaxPointsPerDay is not null || program.MaxPointsPerMonth is not null
        || program.EarnRules.Any(r => r.IsActive && r.Kind == EarnRuleKind.FirstPurchaseBonus);

    private async Task<PurchaseOutcome?> ExistingAsync(int programId, string externalId, CancellationToken ct)
    {
        var row = await (
            from p in db.Purchases.AsNoTracking()
            join m in db.LoyaltyMemberships on p.MembershipId equals m.Id
            where p.ProgramId == programId && p.ExternalId == externalId
            select new { p.Id, p.PointsEarned, p.AvailableAt, m.ActivePoints, m.PendingPoints, MembershipId = m.Id }).SingleOrDefaultAsync(ct);
        return row is null
            ? null
            : new PurchaseOutcome(CommandResult.Ok, row.Id, row.PointsEarned, row.AvailableAt > clock.GetUtcNow(), Duplicate: true, row.ActivePoints, row.PendingPoints,
                MembershipId: row.MembershipId);
    }

    private static string? Validate(PurchaseInput input)
    {
        if (string.IsNullOrWhiteSpace(input.ExternalId) || input.ExternalId.Trim().Length > 100)
        {
            return "A purchase needs the till's receipt id (up to 100 characters).";
        }

        if (input.Total < 0)
        {
            return "The total cannot be negative.";
        }

        if (input.Member is not ({ MembershipId: not null } or { CardNumber: not null } or { CustomerId: not null, ProgramId: not null }))
        {
            return "Name the member: a membership, a card number, or a customer with the program.";
        }

        if (input.Currency is not null && input.Currency.Trim().Length != 3)
        {
            return "Give the currency as a 3-letter code.";
        }

        if (input.Lines.Any(l => string.IsNullOrWhiteSpace(l.Sku) || l.Quantity <= 0 || l.UnitPrice < 0))
        {
            return "Each line needs a SKU, a positive quantity and a price that is not negative.";
        }

        return null;
    }

    private sealed record RefundPlan(int Points, decimal Amount, string? Error = null, string? Code = null);

    /// <summary>
    /// Per line: what the refunded quantity earned, pro rata, with the line's last unit taking the rounding remainder so a
    /// line refunded in pieces reverses exactly what it earned. The purchase's flat bonus is reversed when nothing is left.
    /// </summary>
    private static RefundPlan PlanRefund(Purchase purchase, IReadOnlyList<RefundLineInput>? requested)
    {
        var linesSum = purchase.Lines.Sum(l => l.Quantity * l.UnitPrice);
        var scale = linesSum > purchase.Total && linesSum > 0 ? purchase.Total / linesSum : 1m;
        var quantities = purchase.Lines.ToDictionary(l => l.Id, l => requested is null ? l.Quantity - l.RefundedQuantity : 0m);
        if (requested is not null)
        {
            foreach (var request in requested)
            {
                var left = request.Quantity;
                foreach (var line in purchase.Lines.Where(l => string.Equals(l.Sku, request.Sku.Trim(), StringComparison.OrdinalIgnoreCase)).OrderBy(l => l.Id))
                {
                    var take = Math.Min(left, line.Quantity - line.RefundedQuantity - quantities[line.Id]);
                    quantities[line.Id] += take;
                    left -= take;
                }

                if (left > 0)
                {
                    return new RefundPlan(0, 0, $"More of {request.Sku} refunded than was bought (or left to refund).", LoyaltyErrors.RefundExceedsPurchase);
                }
            }
        }

        var points = 0;
        var amount = 0m;
        foreach (var line in purchase.Lines)
        {
            var q = quantities[line.Id];
            if (q <= 0)
            {
                continue;
            }

            line.RefundedQuantity += q;
            var target = line.RefundedQuantity >= line.Quantity ? line.Points : (int)Math.Floor(line.Points * line.RefundedQuantity / line.Quantity);
            points += target - line.PointsReversed;
            line.PointsReversed = target;
            amount += q * line.UnitPrice * scale;
        }

        var fullyRefunded = purchase.Lines.All(l => l.RefundedQuantity >= l.Quantity);
        if (fullyRefunded)
        {
            // the flat bonus, and everything when the purchase had no lines
            points = purchase.PointsEarned - purchase.PointsReversed;
            amount = purchase.Total - purchase.RefundedAmount;
        }

        if (points == 0 && amount == 0 && requested is null)
        {
            return new RefundPlan(0, 0, "This purchase is already fully refunded.", LoyaltyErrors.AlreadyRefunded);
        }

        return new RefundPlan(Math.Max(0, points), Math.Round(Math.Min(amount, purchase.Total - purchase.RefundedAmount), 2));
    }
}
