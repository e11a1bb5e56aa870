using VibeCrm.Web.Features.Staff;
using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Crm;
using VibeCrm.Data.Tenants;

namespace VibeCrm.Web.Features.Opportunities;

/// <summary>What the opportunity form sends. Field errors are keyed by these property names.</summary>
public sealed class OpportunityForm
{
    public string? Title { get; set; }

    /// <summary><c>customer:12</c> or <c>lead:5</c>.</summary>
    public string? Party { get; set; }

    public decimal? Amount { get; set; }

    public string? Currency { get; set; }

    /// <summary>Blank: the stage's default probability.</summary>
    public int? Probability { get; set; }

    public DateOnly? ExpectedCloseOn { get; set; }

    public string? OwnerUserId { get; set; }

    public int StageId { get; set; }

    public string? LostReason { get; set; }
}

/// <summary>A form's outcome: the saved id, or messages per field ("" for the whole form).</summary>
public sealed record FormResult(int? Id, IReadOnlyDictionary<string, string> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static FormResult Saved(int id) => new(id, new Dictionary<string, string>());

    public static FormResult Invalid(string field, string message) => new(null, new Dictionary<string, string> { [field] = message });
}

public enum MoveOutcome
{
    Moved,
    NeedsLostReason,
    NotFound,
    Refused,
}

public sealed record MoveResult(MoveOutcome Outcome, string? Error = null)
{
    public bool Succeeded => Outcome == MoveOutcome.Moved;
}

/// <summary>Creates, edits and moves opportunities; every stage change is recorded in <see cref="OpportunityStageChange"/>.</summary>
public sealed class OpportunityService(TenantDbContext db, PipelineStages stages, StaffOptions staff, TimeProvider clock)
{
    public const int MaxTitleLength = 200;
    public const int MaxLostReasonLength = 500;

    public async Task<OpportunityForm?> LoadFormAsync(int id, CancellationToken cancellationToken) =>
        await db.Opportunities.AsNoTracking().Where(o => o.Id == id)
            .Select(o => new OpportunityForm
            {
                Title = o.Title,
                Party = o.CustomerId != null ? "customer:" + o.CustomerId : "lead:" + o.LeadId,
                Amount = o.Amount,
                Currency = o.Currency,
                Probability = o.Probability,
                ExpectedCloseOn = o.ExpectedCloseOn,
                OwnerUserId = o.OwnerUserId,
                StageId = o.StageId,
                LostReason = o.LostReason,
            })
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<FormResult> CreateAsync(OpportunityForm form, string defaultCurrency, string? actingUserId, CancellationToken cancellationToken)
    {
        await stages.EnsureDefaultStagesAsync(cancellationToken);
        var (errors, stage, party) = await ValidateAsync(form, defaultCurrency, cancellationToken);
        if (errors.Count > 0)
        {
            return new FormResult(null, errors);
        }

        var now = clock.GetUtcNow();
        var opportunity = new Opportunity
        {
            Title = form.Title!.Trim(),
            Currency = Currency(form.Currency, defaultCurrency),
            CreatedAt = now,
            UpdatedAt = now,
        };
        Apply(opportunity, form, party!);
        opportunity.StageId = stage!.Id;
        opportunity.BoardOrder = await NextBoardOrderAsync(stage.Id, cancellationToken);
        ApplyClosing(opportunity, null, stage, form.LostReason, now);
        db.Opportunities.Add(opportunity);
        await db.SaveChangesAsync(cancellationToken);
        db.OpportunityStageChanges.Add(new OpportunityStageChange { OpportunityId = opportunity.Id, ToStageId = stage.Id, ChangedAt = now, ChangedByUserId = actingUserId });
        await db.SaveChangesAsync(cancellationToken);
        return FormResult.Saved(opportunity.Id);
    }

    public async Task<FormResult> UpdateAsync(int id, OpportunityForm form, string defaultCurrency, string? actingUserId, CancellationToken cancellationToken)
    {
        var opportunity = await db.Opportunities.FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (opportunity is null)
        {
            return FormResult.Invalid("", "That opportunity no longer exists.");
        }

        var (errors, stage, party) = await ValidateAsync(form, defaultCurrency, cancellationToken);
        if (errors.Count > 0)
        {
            return new FormResult(null, errors);
        }

        var now = clock.GetUtcNow();
        var from = await db.PipelineStages.AsNoTracking().FirstAsync(s => s.Id == opportunity.StageId, cancellationToken);
        opportunity.Title = form.Title!.Trim();
        opportunity.Currency = Currency(form.Currency, defaultCurrency);
        Apply(opportunity, form, party!);
        if (stage!.Id != from.Id)
        {
            opportunity.StageId = stage.Id;
            opportunity.BoardOrder = await NextBoardOrderAsync(stage.Id, cancellationToken);
            db.OpportunityStageChanges.Add(new OpportunityStageChange { OpportunityId = id, FromStageId = from.Id, ToStageId = stage.Id, ChangedAt = now, ChangedByUserId = actingUserId });
        }

        ApplyClosing(opportunity, from, stage, form.LostReason, now);
        opportunity.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return FormResult.Saved(id);
    }

    /// <summary>
    /// Moves a card to <paramref name="stageId"/> at <paramref name="position"/> (0-based index in the target column;
    /// negative or past the end: last). Moving to a Lost stage needs a reason.
    /// </summary>
    public async Task<MoveResult> MoveAsync(int id, int stageId, int position, string? lostReason, string? actingUserId, CancellationToken cancellationToken)
    {
        var opportunity = await db.Opportunities.FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (opportunity is null)
        {
            return new MoveResult(MoveOutcome.NotFound, "That opportunity no longer exists.");
        }

        var target = await db.PipelineStages.AsNoTracking().FirstOrDefaultAsync(s => s.Id == stageId && !s.IsArchived, cancellationToken);
        if (target is null)
        {
            return new MoveResult(MoveOutcome.Refused, "That stage no longer exists.");
        }

        lostReason = string.IsNullOrWhiteSpace(lostReason) ? null : lostReason.Trim();
        if (target.Kind == StageKind.Lost && opportunity.StageId != target.Id)
        {
            if (lostReason is null)
            {
                return new MoveResult(MoveOutcome.NeedsLostReason, "Say why this opportunity was lost.");
            }

            if (lostReason.Length > MaxLostReasonLength)
            {
                return new MoveResult(MoveOutcome.NeedsLostReason, $"The reason has at most {MaxLostReasonLength} characters.");
            }
        }

        var now = clock.GetUtcNow();
        var from = await db.PipelineStages.AsNoTracking().FirstAsync(s => s.Id == opportunity.StageId, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // The card takes the place of the one now at `position`; that one and those after it shift down.
        var others = db.Opportunities.Where(o => o.StageId == target.Id && o.Id != id);
        int? order = position < 0 ? null : await others.OrderBy(o => o.BoardOrder).ThenBy(o => o.Id)
            .Skip(position).Select(o => (int?)o.BoardOrder).FirstOrDefaultAsync(cancellationToken);
        if (order is { } at)
        {
            await others.Where(o => o.BoardOrder >= at)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.BoardOrder, o => o.BoardOrder + 1), cancellationToken);
            opportunity.BoardOrder = at;
        }
        else
        {
            opportunity.BoardOrder = (await others.MaxAsync(o => (int?)o.BoardOrder, cancellationToken) ?? -1) + 1;
        }

        if (from.Id != target.Id)
        {
            opportunity.StageId = target.Id;
            db.OpportunityStageChanges.Add(new OpportunityStageChange { OpportunityId = id, FromStageId = from.Id, ToStageId = target.Id, ChangedAt = now, ChangedByUserId = actingUserId });
            ApplyClosing(opportunity, from, target, lostReason, now);
            opportunity.UpdatedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new MoveResult(MoveOutcome.Moved);
    }

    private static void Apply(Opportunity opportunity, OpportunityForm form, PartyRef party)
    {
        if (party.IsCustomer && opportunity.CustomerId != party.Id)
        {
            opportunity.CustomerId = party.Id;
            opportunity.LeadId = null;
        }
        else if (!party.IsCustomer && (opportunity.LeadId != party.Id || opportunity.CustomerId is not null))
        {
            opportunity.LeadId = party.Id;
            opportunity.CustomerId = null;
        }

        opportunity.Amount = form.Amount ?? 0;
        opportunity.Probability = form.Probability;
        opportunity.ExpectedCloseOn = form.ExpectedCloseOn;
        opportunity.OwnerUserId = string.IsNullOrWhiteSpace(form.OwnerUserId) ? null : form.OwnerUserId;
    }

    /// <summary>Closed stages stamp ClosedAt; reopening clears it. Only a Lost opportunity keeps a lost reason.</summary>
    private static void ApplyClosing(Opportunity opportunity, PipelineStage? from, PipelineStage to, string? lostReason, DateTimeOffset now)
    {
        if (to.Kind == StageKind.Open)
        {
            opportunity.ClosedAt = null;
        }
        else if (from is null || from.Kind != to.Kind || opportunity.ClosedAt is null)
        {
            opportunity.ClosedAt = now;
        }

        opportunity.LostReason = to.Kind == StageKind.Lost ? lostReason?.Trim() ?? opportunity.LostReason : null;
    }

    private async Task<int> NextBoardOrderAsync(int stageId, CancellationToken cancellationToken) =>
        (await db.Opportunities.Where(o => o.StageId == stageId).MaxAsync(o => (int?)o.BoardOrder, cancellationToken) ?? -1) + 1;

    private static string Currency(string? currency, string defaultCurrency) =>
        string.IsNullOrWhiteSpace(currency) ? defaultCurrency : currency.Trim().ToUpperInvariant();

    private async Task<(Dictionary<string, string> Errors, PipelineStage? Stage, PartyRef? Party)> ValidateAsync(
        OpportunityForm form, string defaultCurrency, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(form.Title))
        {
            errors[nameof(form.Title)] = "Give the opportunity a title.";
        }
        else if (form.Title.Trim().Length > MaxTitleLength)
        {
            errors[nameof(form.Title)] = $"The title has at most {MaxTitleLength} characters.";
        }

        var party = PartyRef.Parse(form.Party);
        if (party is null)
        {
            errors[nameof(form.Party)] = "Choose the customer or lead this opportunity is with.";
        }
        else if (party.IsCustomer
                     ? !await db.Customers.AnyAsync(c => c.Id == party.Id && c.MergedIntoId == null && c.ErasedAt == null, cancellationToken)
                     : !await db.Leads.AnyAsync(l => l.Id == party.Id, cancellationToken))
        {
            errors[nameof(form.Party)] = $"That {(party.IsCustomer ? "customer" : "lead")} no longer exists.";
        }

        if (form.Amount is < 0)
        {
            errors[nameof(form.Amount)] = "The amount cannot be negative.";
        }
        else if (form.Amount is > 9_999_999_999_999_999m)
        {
            errors[nameof(form.Amount)] = "The amount is too large.";
        }

        var currency = Currency(form.Currency, defaultCurrency);
        if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
        {
            errors[nameof(form.Currency)] = "Use a three-letter currency code, for example EUR.";
        }

        if (form.Probability is < 0 or > 100)
        {
            errors[nameof(form.Probability)] = "The probability is a percentage between 0 and 100, or blank for the stage's default.";
        }

        if (!string.IsNullOrWhiteSpace(form.OwnerUserId) && !await staff.IsActiveStaffAsync(form.OwnerUserId, cancellationToken))
        {
            errors[nameof(form.OwnerUserId)] = "Choose an active staff member as owner.";
        }

        var stage = await db.PipelineStages.FirstOrDefaultAsync(s => s.Id == form.StageId && !s.IsArchived, cancellationToken);
        if (stage is null)
        {
            errors[nameof(form.StageId)] = "Choose a stage.";
        }
        else if (stage.Kind == StageKind.Lost && string.IsNullOrWhiteSpace(form.LostReason))
        {
            errors[nameof(form.LostReason)] = "Say why this opportunity was lost.";
        }

        if (form.LostReason?.Trim().Length > MaxLostReasonLength)
        {
            errors[nameof(form.LostReason)] = $"The reason has at most {MaxLostReasonLength} characters.";
        }

        return (errors, stage, party);
    }
}
