using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Feedback;
using VibeCrm.Data.Tenants;
using VibeCrm.Sentiment;
using VibeCrm.Web.Features.Interactions;
using VibeCrm.Web.Features.Sentiment;
using VibeCrm.Web.Features.Staff;

namespace VibeCrm.Web.Features.Feedback;

/// <summary>Status, priority, assignee, moderation, label corrections and internal notes on an item. Each change is an event in the thread.</summary>
public sealed class FeedbackWorkflow(
    TenantDbContext db, FeedbackSettingsService settings, StaffOptions staff, ReviewBonus bonus, SentimentCorrections corrections, TimeProvider clock)
{
    public const int MaxBodyLength = 4000;

    public async Task<CommandResult> ChangeAsync(int id, FeedbackStatus status, FeedbackPriority priority, string? assigneeUserId, StaffActor actor, CancellationToken ct)
    {
        var item = await db.FeedbackItems.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null)
        {
            return CommandResult.Fail("That feedback no longer exists.");
        }

        if (!Enum.IsDefined(status) || !Enum.IsDefined(priority))
        {
            return CommandResult.Fail("Choose a status and a priority.");
        }

        assigneeUserId = string.IsNullOrWhiteSpace(assigneeUserId) ? null : assigneeUserId.Trim();
        if (assigneeUserId is not null && assigneeUserId != item.AssigneeUserId && !await staff.IsActiveStaffAsync(assigneeUserId, ct))
        {
            return CommandResult.Fail("The assignee must be an active staff member.");
        }

        var now = clock.GetUtcNow();
        var events = new List<string>();
        if (assigneeUserId != item.AssigneeUserId)
        {
            events.Add(assigneeUserId is null ? "Unassigned" : "Assigned to " + await NameAsync(assigneeUserId, ct));
            item.AssigneeUserId = assigneeUserId;
            if (assigneeUserId is not null && item.Status == FeedbackStatus.New && status == FeedbackStatus.New)
            {
                status = FeedbackStatus.Assigned;
            }
        }

        if (priority != item.Priority)
        {
            events.Add($"Priority {item.Priority} → {priority}");
            item.Priority = priority;
            item.PriorityManual = true;
            FeedbackRules.ApplySla(item, await settings.GetAsync(ct));
        }

        if (status != item.Status)
        {
            events.Add($"Status {FeedbackLabels.Status(item.Status)} → {FeedbackLabels.Status(status)}");
            SetStatus(item, status, now);
        }

        if (events.Count == 0)
        {
            return CommandResult.Ok;
        }

        item.UpdatedAt = now;
        db.FeedbackMessages.Add(new FeedbackMessage { ItemId = id, Kind = FeedbackMessageKind.Event, Body = string.Join(" · ", events), AuthorUserId = actor.UserId, CreatedAt = now });
        await db.SaveChangesAsync(ct);
        return CommandResult.Ok;
    }

    /// <summary>Moves an item to a status, keeping the resolution and closing times (and the minutes) consistent.</summary>
    public static void SetStatus(FeedbackItem item, FeedbackStatus status, DateTimeOffset now)
    {
        item.Status = status;
        if (status is FeedbackStatus.Resolved or FeedbackStatus.Closed)
        {
            if (item.ResolvedAt is null)
            {
                item.ResolvedAt = now;
                item.ResolutionMinutes = Minutes(item.CreatedAt, now);
            }

            item.ClosedAt = status == FeedbackStatus.Closed ? item.ClosedAt ?? now : null;
        }
        else
        {
            item.ResolvedAt = null;
            item.ResolutionMinutes = null;
            item.ClosedAt = null;
        }
    }

    /// <summary>Records the first staff response (public or email reply) for the first-response SLA and metric.</summary>
    public static void MarkResponded(FeedbackItem item, DateTimeOffset now)
    {
        if (item.FirstResponseAt is null)
        {
            item.FirstResponseAt = now;
            item.FirstResponseMinutes = Minutes(item.CreatedAt, now);
        }
    }

    public static int Minutes(DateTimeOffset from, DateTimeOffset to) => (int)Math.Max(0, Math.Round((to - from).TotalMinutes));

    public async Task<CommandResult> ModerateAsync(int id, ModerationState state, StaffActor actor, CancellationToken ct)
    {
        var item = await db.FeedbackItems.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null)
        {
            return CommandResult.Fail("That feedback no longer exists.");
        }

        if (item.Type != FeedbackType.Review)
        {
            return CommandResult.Fail("Only reviews are published; complaints, suggestions and messages stay private.");
        }

        if (!Enum.IsDefined(state) || item.Moderation == state)
        {
            return CommandResult.Ok;
        }

        var now = clock.GetUtcNow();
        item.Moderation = state;
        item.PublishedAt = state == ModerationState.Published ? now : null;
        item.UpdatedAt = now;
        db.FeedbackMessages.Add(new FeedbackMessage { ItemId = id, Kind = FeedbackMessageKind.Event, Body = state == ModerationState.Published ? "Review published" : $"Review {state.ToString().ToLowerInvariant()}", AuthorUserId = actor.UserId, CreatedAt = now });
        await db.SaveChangesAsync(ct);
        if (state == ModerationState.Published)
        {
            await bonus.AwardAsync(id, ct);
        }

        return CommandResult.Ok;
    }

    /// <summary>Staff say what the sentiment really is; kept on the item for the tenant's retraining.</summary>
    public async Task<CommandResult> CorrectLabelAsync(int id, string? label, StaffActor actor, CancellationToken ct)
    {
        if (label is null || !SentimentLabels.All.Contains(label, StringComparer.Ordinal))
        {
            return CommandResult.Fail("Choose positive, neutral or negative.");
        }

        var item = await db.FeedbackItems.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null)
        {
            return CommandResult.Fail("That feedback no longer exists.");
        }

        var now = clock.GetUtcNow();
        item.CorrectedLabel = label;
        item.CorrectedByUserId = actor.UserId;
        item.CorrectedAt = now;
        item.UpdatedAt = now;
        db.FeedbackMessages.Add(new FeedbackMessage { ItemId = id, Kind = FeedbackMessageKind.Event, Body = $"Sentiment corrected to {label}", AuthorUserId = actor.UserId, CreatedAt = now });
        await db.SaveChangesAsync(ct);

        // The tenant's retraining set: the same text the scoring job analyzed, with the label staff chose.
        return await corrections.RecordAsync(
            FeedbackScoringJob.TextOf(item.Title, item.Text), label, "feedback", id.ToString(System.Globalization.CultureInfo.InvariantCulture), actor.UserId, ct);
    }

    public async Task<CommandResult> AddNoteAsync(int id, string? body, StaffActor actor, CancellationToken ct)
    {
        if (Body(body) is { } error)
        {
            return CommandResult.Fail(error);
        }

        if (!await db.FeedbackItems.AnyAsync(i => i.Id == id, ct))
        {
            return CommandResult.Fail("That feedback no longer exists.");
        }

        db.FeedbackMessages.Add(new FeedbackMessage { ItemId = id, Kind = FeedbackMessageKind.InternalNote, Body = body!.Trim(), AuthorUserId = actor.UserId, CreatedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        return CommandResult.Ok;
    }

    /// <summary>The validation message for a reply or note body, or null when it is fine.</summary>
    public static string? Body(string? body) =>
        string.IsNullOrWhiteSpace(body) ? "Write something first."
        : body.Trim().Length > MaxBodyLength ? $"Keep it under {MaxBodyLength} characters."
        : null;

    private async Task<string> NameAsync(string userId, CancellationToken ct) =>
        await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.FirstName + " " + u.LastName).FirstOrDefaultAsync(ct) ?? "a former staff member";
}
