using Hangfire;
using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VibeCrm.Data.Feedback;
using VibeCrm.Data.Identity;
using VibeCrm.Tenancy;
using VibeCrm.Web.Features.Feedback;
using VibeCrm.Web.Features.Sentiment;
using VibeCrm.Web.Features.Staff;
using VibeCrm.Web.Infrastructure.Auth;

namespace VibeCrm.Web.Areas.Merchant.Pages.Feedback;

/// <summary>A sentiment badge: polls <see cref="PollUrl"/> while the item is not scored yet.</summary>
public sealed record SentimentCell(SentimentView Sentiment, string PollUrl, bool Compact);

public sealed record FeedbackListView(FeedbackPage Page, FeedbackFilter Filter, string TimeZoneId, string Slug);

public sealed class IndexModel(FeedbackQueries queries, StaffOptions staff, SentimentTopicService topics, IBackgroundJobClient jobs) : PageModel
{
    /// <summary>The topic filter's choices: the built-in topics, then the tenant's own.</summary>
    public IReadOnlyList<string> Topics { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public IReadOnlyList<StaffOption> Staff { get; private set; } = [];

    public FeedbackListView View { get; private set; } = null!;

    public bool IsManager => User.IsInRole(Roles.Owner) || User.IsInRole(Roles.Manager);

    public async Task<IActionResult> OnGetAsync(
        FeedbackType? type, string? sentiment, FeedbackStatus? status, FeedbackPriority? priority, string? assignee, string? topic, int? rating,
        DateOnly? from, DateOnly? to, bool open = false, bool overdue = false, int page = 1, CancellationToken cancellationToken = default)
    {
        var tenant = HttpContext.RequireTenant();
        var filter = new FeedbackFilter(type, Sentiment(sentiment), status, priority, assignee?.Trim(), topic?.Trim(), rating is >= 1 and <= 5 ? rating : null, from, to, open, overdue, page);
        View = new FeedbackListView(await queries.ListAsync(filter, User.UserId(), tenant.TimeZoneId, cancellationToken), filter, tenant.TimeZoneId, tenant.Identifier);
        Response.Headers.Vary = "HX-Request";
        if (Request.IsHtmx() && !Request.IsHtmxBoosted())
        {
            return Partial("_FeedbackRows", View);
        }

        Staff = await staff.ActiveAsync(cancellationToken);
        Topics = [.. VibeCrm.Sentiment.SentimentTopics.Defaults.Select(t => t.Name),
            .. (await topics.ListAsync(cancellationToken)).Where(t => !t.ExtendsBuiltIn).Select(t => t.Name)];
        return Page();
    }

    /// <summary>The sentiment badge of one row, polled until the item is scored.</summary>
    public async Task<IActionResult> OnGetSentimentAsync(int id, bool compact = true, CancellationToken cancellationToken = default)
    {
        var sentiment = await queries.SentimentAsync(id, cancellationToken);
        if (sentiment is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        return Partial("_Sentiment", new SentimentCell(sentiment, PollUrl(HttpContext.RequireTenant().Identifier, id, compact), compact));
    }

    /// <summary>Managers: rescore everything (or only what is not scored yet) in a background job, in batches.</summary>
    public IActionResult OnPostRescore(bool all = false)
    {
        if (!IsManager)
        {
            return Forbid();
        }

        jobs.Enqueue<FeedbackScoringJob>(j => j.RescoreAsync(!all, CancellationToken.None));
        StatusMessage = all ? "Rescoring all feedback in the background; the badges update as it goes." : "Scoring the unscored feedback in the background.";
        return RedirectToPage();
    }

    public static string PollUrl(string slug, int id, bool compact) => $"/{slug}/admin/feedback?handler=sentiment&id={id}&compact={(compact ? "true" : "false")}";

    private static string? Sentiment(string? value) => value is "positive" or "neutral" or "negative" or "unscored" ? value : null;
}
