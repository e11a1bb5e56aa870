using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Crm;
using VibeCrm.Data.Tenants;
using VibeCrm.Web.Features.Leads;
using VibeCrm.Web.Features.Staff;

namespace VibeCrm.Web.Features.Interactions;

/// <summary>What staff type to log or edit an interaction. Times are local to the tenant.</summary>
public sealed class InteractionInput
{
    /// <summary>Set when editing an existing interaction.</summary>
    public int? Id { get; set; }

    public InteractionType Type { get; set; } = InteractionType.Call;

    public InteractionDirection Direction { get; set; } = InteractionDirection.Outbound;

    [Display(Name = "When")]
    public DateTime? OccurredAt { get; set; }

    [Display(Name = "Duration (min)")]
    public int? DurationMinutes { get; set; }

    public string? Subject { get; set; }

    public string? Body { get; set; }

    public string? Outcome { get; set; }

    [Display(Name = "Follow up on")]
    public DateOnly? FollowUpOn { get; set; }

    [Display(Name = "Ticket status")]
    public TicketStatus? TicketStatus { get; set; }

    [Display(Name = "Priority")]
    public Priority? TicketPriority { get; set; }

    [Display(Name = "Assignee")]
    public string? AssigneeUserId { get; set; }
}

/// <summary>The controls a timeline item of an interaction offers.</summary>
public sealed record InteractionControls(
    int Id, InteractionType Type, string? StaffUserId, TicketStatus? TicketStatus, Priority? TicketPriority, string? AssigneeUserId,
    DateOnly? FollowUpOn, DateTimeOffset? FollowUpDoneAt);

/// <summary>The outcome of saving an interaction: its id, or the messages per input field.</summary>
public sealed record InteractionSaveResult(int? Id, IReadOnlyDictionary<string, string> Errors)
{
    public bool Succeeded => Id is not null;

    public static InteractionSaveResult Fail(string field, string message) => new(null, new Dictionary<string, string>(StringComparer.Ordinal) { [field] = message });
}

/// <summary>
/// Log, edit and delete interactions with customers and leads; tickets; follow-ups. Interactions are an input of the
/// lead score, so logging or deleting one for a lead recomputes its score.
/// </summary>
public sealed class InteractionService(TenantDbContext db, LeadScoringService scoring, StaffOptions staff, TimeProvider clock)
{
    public const int MaxDurationMinutes = 1440;

    public async Task<IReadOnlyDictionary<int, InteractionControls>> ControlsAsync(IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return new Dictionary<int, InteractionControls>();
        }

        return await db.Interactions.AsNoTracking()
            .Where(i => ids.Contains(i.Id))
            .Select(i => new InteractionControls(i.Id, i.Type, i.StaffUserId, i.TicketStatus, i.TicketPriority, i.AssigneeUserId, i.FollowUpOn, i.FollowUpDoneAt))
            .ToDictionaryAsync(i => i.Id, ct);
    }

    /// <summary>The input to edit an existing interaction, or null when it does not exist or the actor may not edit it.</summary>
    public async Task<InteractionInput?> ForEditAsync(int customerId, int id, StaffActor actor, string timeZoneId, CancellationToken ct)
    {
        var i = await db.Interactions.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id && i.CustomerId == customerId, ct);
        if (i is null || !CanEdit(i, actor))
        {
            return null;
        }

        return new InteractionInput
        {
            Id = i.Id,
            Type = i.Type,
            Direction = i.Direction,
            OccurredAt = TenantTime.ToLocal(i.OccurredAt, timeZoneId),
            DurationMinutes = i.DurationMinutes,
            Subject = i.Subject,
            Body = i.Body,
            Outcome = i.Outcome,
            FollowUpOn = i.FollowUpOn,
            TicketStatus = i.TicketStatus,
            TicketPriority = i.TicketPriority,
            AssigneeUserId = i.AssigneeUserId,
        };
    }

    public static bool CanEdit(string? staffUserId, StaffActor actor) => actor.IsManager || staffUserId == actor.UserId;

    /// <summary>Logs a new interaction (Input.Id null) or saves an edit; keeps the customer's last activity up to date.</summary>
    public async Task<InteractionSaveResult> SaveAsync(int customerId, InteractionInput input, StaffActor actor, string timeZoneId, CancellationToken ct)
    {
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == customerId).Select(c => new { c.MergedIntoId, c.ErasedAt }).FirstOrDefaultAsync(ct);
        if (customer is null || customer.MergedIntoId is not null)
        {
            return InteractionSaveResult.Fail(nameof(InteractionInput.Subject), "That customer no longer exists.");
        }

        if (customer.ErasedAt is not null)
        {
            return InteractionSaveResult.Fail(nameof(InteractionInput.Subject), "This customer was erased on request; nothing can be logged.");
        }

        Interaction? existing = null;
        if (input.Id is { } id)
        {
            existing = await db.Interactions.FirstOrDefaultAsync(i => i.Id == id && i.CustomerId == customerId, ct);
            if (existing is null)
            {
                return InteractionSaveResult.Fail(nameof(InteractionInput.Subject), "That interaction no longer exists.");
            }

            if (!CanEdit(existing, actor))
            {
                return InteractionSaveResult.Fail(nameof(InteractionInput.Subject), "You can edit only the interactions you logged.");
            }
        }

        var errors = await ValidateAsync(input, existing, timeZoneId, ct);
        if (errors.Count > 0)
        {
            return new InteractionSaveResult(null, errors);
        }

        var now = clock.GetUtcNow();
        var interaction = existing ?? new Interaction { CustomerId = customerId, StaffUserId = actor.UserId, CreatedAt = now };
        Apply(interaction, input, now, timeZoneId);
        if (existing is null)
        {
            db.Interactions.Add(interaction);
        }

        await db.SaveChangesAsync(ct);
        await TouchCustomerAsync(customerId, interaction.OccurredAt, ct);
        if (interaction.LeadId is { } leadId)
        {
            await scoring.RecomputeAsync(leadId, ct); // a converted lead's history moved to the customer
        }

        return new InteractionSaveResult(interaction.Id, new Dictionary<string, string>(StringComparer.Ordinal));
    }

    /// <summary>
    /// Logs an interaction with a lead (a contact before they are a customer) and recomputes the lead's score.
    /// Tickets and follow-ups belong to customers; a converted lead's interactions are logged on the customer.
    /// </summary>
    public async Task<InteractionSaveResult> LogForLeadAsync(int leadId, InteractionInput input, StaffActor actor, string timeZoneId, CancellationToken ct)
    {
        var lead = await db.Leads.AsNoTracking().Where(l => l.Id == leadId).Select(l => new { l.Status }).FirstOrDefaultAsync(ct);
        if (lead is null)
        {
            return InteractionSaveResult.Fail(nameof(InteractionInput.Subject), "That lead no longer exists.");
        }

        if (lead.Status == LeadStatus.Converted)
        {
            return InteractionSaveResult.Fail(nameof(InteractionInput.Subject), "This lead was converted: log the interaction on the customer.");
        }

        if (input.Id is not null)
        {
            return InteractionSaveResult.Fail(nameof(InteractionInput.Subject), "Interactions with a lead are logged, not edited.");
        }

        var errors = await ValidateAsync(input, null, timeZoneId, ct);
        if (input.Type == InteractionType.Ticket)
        {
            errors[nameof(input.Type)] = "Support tickets are for customers.";
        }

        if (input.FollowUpOn is not null)
        {
            errors[nameof(input.FollowUpOn)] = "Follow-ups are for customers: convert the lead first.";
        }

        if (errors.Count > 0)
        {
            return new InteractionSaveResult(null, errors);
        }

        var now = clock.GetUtcNow();
        var interaction = new Interaction { LeadId = leadId, StaffUserId = actor.UserId, CreatedAt = now };
        Apply(interaction, input, now, timeZoneId);
        db.Interactions.Add(interaction);
        await db.SaveChangesAsync(ct);
        await scoring.RecomputeAsync(leadId, ct);
        return new InteractionSaveResult(interaction.Id, new Dictionary<string, string>(StringComparer.Ordinal));
    }

    /// <summary>Deletes an interaction with a lead that is not converted yet, and recomputes the lead's score.</summary>
    public async Task<CommandResult> DeleteForLeadAsync(int leadId, int id, StaffActor actor, CancellationToken ct)
    {
        var interaction = await db.Interactions.FirstOrDefaultAsync(i => i.Id == id && i.LeadId == leadId && i.CustomerId == null, ct);
        if (interaction is null)
        {
            return CommandResult.Fail("That interaction no longer exists.");
        }

        if (!CanEdit(interaction, actor))
        {
            return CommandResult.Fail("You can delete only the interactions you logged.");
        }

        db.Interactions.Remove(interaction);
        await db.SaveChangesAsync(ct);
        await scoring.RecomputeAsync(leadId, ct);
        return CommandResult.Ok;
    }

    public async Task<CommandResult> DeleteAsync(int customerId, int id, StaffActor actor, CancellationToken ct)
    {
        var interaction = await db.Interactions.FirstOrDefaultAsync(i => i.Id == id && i.CustomerId == customerId, ct);
        if (interaction is null)
        {
            return CommandResult.Fail("That interaction no longer exists.");
        }

        if (await db.Customers.AnyAsync(c => c.Id == customerId && c.ErasedAt != null, ct))
        {
            return CommandResult.Fail("This customer was erased on request; their history is kept as it is.");
        }

        if (!CanEdit(interaction, actor))
        {
            return CommandResult.Fail("You can delete only the interactions you logged.");
        }

        db.Interactions.Remove(interaction);
        await db.SaveChangesAsync(ct);
        if (interaction.LeadId is { } leadId)
        {
            await scoring.RecomputeAsync(leadId, ct);
        }

        return CommandResult.Ok;
    }

    /// <summary>Changes a ticket's status, priority and assignee; any staff member may, tickets are team work.</summary>
    public async Task<CommandResult> UpdateTicketAsync(int id, TicketStatus status, Priority priority, string? assigneeUserId, CancellationToken ct)
    {
        var ticket = await db.Interactions.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (ticket is null || ticket.Type != InteractionType.Ticket)
        {
            return CommandResult.Fail("That ticket no longer exists.");
        }

        if (!Enum.IsDefined(status) || !Enum.IsDefined(priority))
        {
            return CommandResult.Fail("Choose a status and a priority.");
        }

        assigneeUserId = Clean(assigneeUserId);
        if (assigneeUserId is not null && assigneeUserId != ticket.AssigneeUserId && !await staff.IsActiveStaffAsync(assigneeUserId, ct))
        {
            return CommandResult.Fail("The assignee must be an active staff member.");
        }

        ticket.TicketStatus = status;
        ticket.TicketPriority = priority;
        ticket.AssigneeUserId = assigneeUserId;
        ticket.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return CommandResult.Ok;
    }

    /// <summary>"Done" for a follow-up (marks it done) or a ticket (resolves it).</summary>
    public async Task<CommandResult> MarkDoneAsync(int id, StaffActor actor, CancellationToken ct)
    {
        var interaction = await db.Interactions.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (interaction is null)
        {
            return CommandResult.Fail("That follow-up no longer exists.");
        }

        if (!actor.IsManager && interaction.StaffUserId != actor.UserId && interaction.AssigneeUserId != actor.UserId)
        {
            return CommandResult.Fail("This follow-up belongs to someone else.");
        }

        var now = clock.GetUtcNow();
        if (interaction.FollowUpOn is not null && interaction.FollowUpDoneAt is null)
        {
            interaction.FollowUpDoneAt = now;
        }
        else if (interaction.Type == InteractionType.Ticket && interaction.TicketStatus is TicketStatus.Open or TicketStatus.Pending)
        {
            interaction.TicketStatus = TicketStatus.Resolved;
        }
        else
        {
            return CommandResult.Ok; // already done
        }

        interaction.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return CommandResult.Ok;
    }

    private static bool CanEdit(Interaction interaction, StaffActor actor) => CanEdit(interaction.StaffUserId, actor);

    private static void Apply(Interaction interaction, InteractionInput input, DateTimeOffset now, string timeZoneId)
    {
        var isTicket = input.Type == InteractionType.Ticket;
        interaction.Type = input.Type;
        interaction.Direction = input.Type == InteractionType.Note ? InteractionDirection.None : input.Direction;
        interaction.OccurredAt = input.OccurredAt is { } local ? TenantTime.ToUtc(local, timeZoneId) : now;
        interaction.DurationMinutes = input.DurationMinutes;
        interaction.Subject = input.Subject!.Trim();
        interaction.Body = Clean(input.Body);
        interaction.Outcome = Clean(input.Outcome);
        if (interaction.FollowUpOn != input.FollowUpOn)
        {
            interaction.FollowUpOn = input.FollowUpOn;
            interaction.FollowUpDoneAt = null;
        }

        interaction.TicketStatus = isTicket ? input.TicketStatus ?? TicketStatus.Open : null;
        interaction.TicketPriority = isTicket ? input.TicketPriority ?? Priority.Normal : null;
        interaction.AssigneeUserId = isTicket ? Clean(input.AssigneeUserId) : null;
        interaction.UpdatedAt = now;
    }

    private async Task<Dictionary<string, string>> ValidateAsync(InteractionInput input, Interaction? existing, string timeZoneId, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!Enum.IsDefined(input.Type))
        {
            errors[nameof(input.Type)] = "Choose a type.";
        }

        if (!Enum.IsDefined(input.Direction))
        {
            errors[nameof(input.Direction)] = "Choose a direction.";
        }

        if (string.IsNullOrWhiteSpace(input.Subject))
        {
            errors[nameof(input.Subject)] = "Enter a subject.";
        }
        else if (input.Subject.Trim().Length > 200)
        {
            errors[nameof(input.Subject)] = "The subject can be at most 200 characters.";
        }

        if (input.Body is { Length: > 8000 })
        {
            errors[nameof(input.Body)] = "The text can be at most 8000 characters.";
        }

        if (input.Outcome is { Length: > 500 })
        {
            errors[nameof(input.Outcome)] = "The outcome can be at most 500 characters.";
        }

        if (input.DurationMinutes is < 0 or > MaxDurationMinutes)
        {
            errors[nameof(input.DurationMinutes)] = $"The duration must be between 0 and {MaxDurationMinutes} minutes.";
        }

        if (input.FollowUpOn is { } followUp && followUp != existing?.FollowUpOn && followUp < TenantTime.Today(clock, timeZoneId))
        {
            errors[nameof(input.FollowUpOn)] = "The follow-up date cannot be in the past.";
        }

        if (input.Type == InteractionType.Ticket)
        {
            if (input.TicketStatus is { } s && !Enum.IsDefined(s))
            {
                errors[nameof(input.TicketStatus)] = "Choose a ticket status.";
            }

            if (input.TicketPriority is { } p && !Enum.IsDefined(p))
            {
                errors[nameof(input.TicketPriority)] = "Choose a priority.";
            }

            var assignee = Clean(input.AssigneeUserId);
            if (assignee is not null && assignee != existing?.AssigneeUserId && !await staff.IsActiveStaffAsync(assignee, ct))
            {
                errors[nameof(input.AssigneeUserId)] = "The assignee must be an active staff member.";
            }
        }
        else if (input.TicketStatus is not null || input.TicketPriority is not null || Clean(input.AssigneeUserId) is not null)
        {
            errors[nameof(input.TicketStatus)] = "Status, priority and assignee are only for tickets.";
        }

        return errors;
    }

    /// <summary>Moves the customer's last activity forward; written directly so it does not clutter the profile's audit trail.</summary>
    private Task<int> TouchCustomerAsync(int customerId, DateTimeOffset at, CancellationToken ct) =>
        db.Customers.Where(c => c.Id == customerId && (c.LastActivityAt == null || c.LastActivityAt < at))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastActivityAt, at), ct);

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
