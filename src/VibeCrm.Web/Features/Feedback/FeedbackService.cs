using System.ComponentModel.DataAnnotations;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Feedback;
using VibeCrm.Data.Tenants;
using VibeCrm.Web.Features.Customers;

namespace VibeCrm.Web.Features.Feedback;

/// <summary>One piece of feedback to record, from any channel (portal, public link, staff, POS API).</summary>
public sealed class FeedbackSubmission
{
    public FeedbackType Type { get; set; } = FeedbackType.Review;

    public FeedbackChannel Channel { get; set; } = FeedbackChannel.Portal;

    public int? CustomerId { get; set; }

    [Display(Name = "Name")]
    public string? ContactName { get; set; }

    [Display(Name = "Email")]
    public string? ContactEmail { get; set; }

    [Display(Name = "Rating")]
    public int? Rating { get; set; }

    public string? Title { get; set; }

    [Display(Name = "Your feedback")]
    public string? Text { get; set; }

    public string? Store { get; set; }

    public string? Product { get; set; }

    [Display(Name = "Receipt number")]
    public string? PurchaseReference { get; set; }
}

/// <summary>The outcome of a submission: the new item's id, or a message per field.</summary>
public sealed record FeedbackSubmitResult(int? Id, IReadOnlyDictionary<string, string> Errors)
{
    public bool Succeeded => Id is not null;

    public static FeedbackSubmitResult Fail(string field, string message) =>
        new(null, new Dictionary<string, string>(StringComparer.Ordinal) { [field] = message });
}

/// <summary>
/// Records feedback from every channel through one path: validation, moderation by the auto-publish rule, automatic
/// priority and SLA due times, round-robin assignment, then sentiment scoring in a background job (enqueued inside the
/// tenant scope, so the job runs for this tenant) and the review bonus when a member's review is published.
/// The POS API calls <see cref="SubmitAsync"/> with <see cref="FeedbackChannel.Pos"/>.
/// </summary>
public sealed class FeedbackService(
    TenantDbContext db,
    FeedbackSettingsService settings,
    RoundRobinAssigner assigner,
    ReviewBonus bonus,
    IBackgroundJobClient jobs,
    TimeProvider clock)
{
    public const int MaxTextLength = 4000;
    public const int MaxTitleLength = 200;

    public Task<FeedbackSubmitResult> SubmitAsync(FeedbackSubmission input, CancellationToken ct) =>
        SubmitAsync(input, new SubmitOptions(), ct);

    /// <summary>How the item enters: who typed it, the link it answers, and (demo data only) when it happened.</summary>
    public sealed record SubmitOptions(string? EnteredByUserId = null, string? LinkKey = null, DateTimeOffset? At = null, bool Score = true);

    public async Task<FeedbackSubmitResult> SubmitAsync(FeedbackSubmission input, SubmitOptions options, CancellationToken ct)
    {
        var errors = await ValidateAsync(input, ct);
        if (errors.Count > 0)
        {
            return new FeedbackSubmitResult(null, errors);
        }

        if (options.LinkKey is { } key && await db.FeedbackItems.AnyAsync(i => i.LinkKey == key, ct))
        {
            return FeedbackSubmitResult.Fail(nameof(FeedbackSubmission.Text), "This link was already used: thank you, we have your feedback.");
        }

        var rules = await settings.GetAsync(ct);
        var now = options.At ?? clock.GetUtcNow();
        var item = new FeedbackItem
        {
            Type = input.Type,
            Channel = input.Channel,
            CustomerId = input.CustomerId,
            ContactName = Clean(input.ContactName),
            ContactEmail = ContactRules.Email(input.ContactEmail).Email,
            Rating = input.Rating,
            Title = Clean(input.Title),
            Text = input.Text!.Trim(),
            Store = Clean(input.Store),
            Product = Clean(input.Product),
            PurchaseReference = Clean(input.PurchaseReference),
            LinkKey = options.LinkKey,
            Moderation = FeedbackRules.InitialModeration(input.Type, input.Rating, rules),
            Status = FeedbackStatus.New,
            Priority = FeedbackRules.Priority(input.Type, input.Rating, null, null),
            EnteredByUserId = options.EnteredByUserId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        item.PublishedAt = item.Moderation == ModerationState.Published ? now : null;
        FeedbackRules.ApplySla(item, rules);
        if (rules.AutoAssign && await assigner.NextAsync(ct) is { } agent)
        {
            item.AssigneeUserId = agent;
            item.Status = FeedbackStatus.Assigned;
        }

        db.FeedbackItems.Add(item);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (options.LinkKey is not null)
        {
            // Two submissions through the same link at once: the unique link key let only the first one in.
            if (await LinkUsedAsync(options.LinkKey, ct))
            {
                return FeedbackSubmitResult.Fail(nameof(FeedbackSubmission.Text), "This link was already used: thank you, we have your feedback.");
            }

            throw;
        }

        if (options.Score)
        {
            jobs.Enqueue<FeedbackScoringJob>(j => j.ScoreAsync(item.Id, CancellationToken.None));
        }

        if (item.Moderation == ModerationState.Published)
        {
            await bonus.AwardAsync(item.Id, ct);
        }

        return new FeedbackSubmitResult(item.Id, new Dictionary<string, string>(StringComparer.Ordinal));
    }

    private async Task<bool> LinkUsedAsync(string key, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await db.FeedbackItems.AnyAsync(i => i.LinkKey == key, ct);
    }

    private async Task<Dictionary<string, string>> ValidateAsync(FeedbackSubmission input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!Enum.IsDefined(input.Type))
        {
            errors[nameof(input.Type)] = "Choose what kind of feedback this is.";
        }

        if (!Enum.IsDefined(input.Channel))
        {
            errors[nameof(input.Channel)] = "Choose how the feedback came in.";
        }

        if (input.Type == FeedbackType.Review && input.Rating is null)
        {
            errors[nameof(input.Rating)] = "Choose from 1 to 5 stars.";
        }
        else if (input.Rating is { } stars && stars is < 1 or > 5)
        {
            errors[nameof(input.Rating)] = "The rating is from 1 to 5 stars.";
        }

        var text = input.Text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            errors[nameof(input.Text)] = input.Type == FeedbackType.Review ? "Tell us a few words about your experience." : "Write what happened or what you suggest.";
        }
        else if (text.Length > MaxTextLength)
        {
            errors[nameof(input.Text)] = $"Keep it under {MaxTextLength} characters (this is {text.Length}).";
        }

        if (input.Title?.Trim().Length > MaxTitleLength)
        {
            errors[nameof(input.Title)] = $"The title is at most {MaxTitleLength} characters.";
        }

        foreach (var (name, value, max) in new[] { (nameof(input.Store), input.Store, 100), (nameof(input.Product), input.Product, 100), (nameof(input.ContactName), input.ContactName, 200), (nameof(input.PurchaseReference), input.PurchaseReference, 64) })
        {
            if (value?.Trim().Length > max)
            {
                errors[name] = $"At most {max} characters.";
            }
        }

        if (ContactRules.Email(input.ContactEmail).Error is { } emailError)
        {
            errors[nameof(input.ContactEmail)] = emailError;
        }

        if (input.CustomerId is { } customerId)
        {
            var customer = await db.Customers.AsNoTracking().Where(c => c.Id == customerId).Select(c => new { c.MergedIntoId, c.ErasedAt }).FirstOrDefaultAsync(ct);
            if (customer is null || customer.MergedIntoId is not null)
            {
                errors[nameof(input.CustomerId)] = "That customer no longer exists.";
            }
            else if (customer.ErasedAt is not null)
            {
                errors[nameof(input.CustomerId)] = "This customer was erased on request; feedback cannot be linked to them.";
            }
        }

        return errors;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
