using VibeCrm.Data.Feedback;

namespace VibeCrm.Web.Features.Feedback;

/// <summary>
/// The automatic priority, the SLA due times and the auto-publish rule. Pure functions, so the rules read as a table
/// (also in the module README) and are tested on their own.
/// </summary>
public static class FeedbackRules
{
    /// <summary>A score at or below this counts as clearly negative for complaints that carry no rating.</summary>
    public const float StronglyNegative = -0.5f;

    /// <summary>One row of the priority table: the first row whose condition holds gives the priority.</summary>
    public sealed record PriorityRule(string When, FeedbackPriority Priority, Func<FeedbackType, int?, string?, float?, bool> Matches);

    public static readonly IReadOnlyList<PriorityRule> PriorityTable =
    [
        new("complaint, 1–2 stars, negative", FeedbackPriority.Urgent,
            (t, r, l, _) => t == FeedbackType.Complaint && r is <= 2 && l == "negative"),
        new("complaint, no rating, strongly negative (score ≤ −0.5)", FeedbackPriority.Urgent,
            (t, r, l, s) => t == FeedbackType.Complaint && r is null && l == "negative" && s <= StronglyNegative),
        new("any other complaint (also before it is scored)", FeedbackPriority.High,
            (t, _, _, _) => t == FeedbackType.Complaint),
        new("review or message, 1–2 stars, negative", FeedbackPriority.High,
            (t, r, l, _) => t is FeedbackType.Review or FeedbackType.Message && r is <= 2 && l == "negative"),
        new("review or message, 1–2 stars", FeedbackPriority.Normal,
            (t, r, _, _) => t is FeedbackType.Review or FeedbackType.Message && r is <= 2),
        new("suggestion, negative", FeedbackPriority.Normal,
            (t, _, l, _) => t == FeedbackType.Suggestion && l == "negative"),
        new("suggestion", FeedbackPriority.Low,
            (t, _, _, _) => t == FeedbackType.Suggestion),
        new("review, 4–5 stars, not negative", FeedbackPriority.Low,
            (t, r, l, _) => t == FeedbackType.Review && r is >= 4 && l != "negative"),
        new("anything else", FeedbackPriority.Normal, (_, _, _, _) => true),
    ];

    public static FeedbackPriority Priority(FeedbackType type, int? rating, string? sentimentLabel, float? score) =>
        PriorityTable.First(r => r.Matches(type, rating, sentimentLabel, score)).Priority;

    public static (TimeSpan FirstResponse, TimeSpan Resolution) Sla(FeedbackSettings settings, FeedbackPriority priority) => priority switch
    {
        FeedbackPriority.Urgent => (Hours(settings.UrgentFirstResponseHours), Hours(settings.UrgentResolutionHours)),
        FeedbackPriority.High => (Hours(settings.HighFirstResponseHours), Hours(settings.HighResolutionHours)),
        FeedbackPriority.Normal => (Hours(settings.NormalFirstResponseHours), Hours(settings.NormalResolutionHours)),
        _ => (Hours(settings.LowFirstResponseHours), Hours(settings.LowResolutionHours)),
    };

    /// <summary>Sets the due times from the item's creation and its current priority (SLA clocks run in wall-clock hours).</summary>
    public static void ApplySla(FeedbackItem item, FeedbackSettings settings)
    {
        var (first, resolution) = Sla(settings, item.Priority);
        item.FirstResponseDueAt = item.CreatedAt + first;
        item.ResolutionDueAt = item.CreatedAt + resolution;
    }

    /// <summary>Reviews at or above the tenant's threshold are published at once; the others wait for a person.</summary>
    public static ModerationState? InitialModeration(FeedbackType type, int? rating, FeedbackSettings settings) =>
        type != FeedbackType.Review ? null
        : rating is { } stars && stars >= settings.AutoPublishMinRating ? ModerationState.Published
        : ModerationState.Pending;

    public static bool IsFirstResponseOverdue(FeedbackItem item, DateTimeOffset now) =>
        item.FirstResponseAt is null && item.ResolvedAt is null && item.FirstResponseDueAt < now;

    public static bool IsResolutionOverdue(FeedbackItem item, DateTimeOffset now) =>
        item.ResolvedAt is null && item.Status != FeedbackStatus.Closed && item.ResolutionDueAt < now;

    public static bool IsOpen(FeedbackStatus status) => status is not (FeedbackStatus.Resolved or FeedbackStatus.Closed);

    /// <summary>",food,wait time," for a topic list (the filter matches ",food,").</summary>
    public static string? PackTopics(IReadOnlyList<string> topics) =>
        topics.Count == 0 ? null : "," + string.Join(',', topics.Select(t => t.Replace(",", " ", StringComparison.Ordinal).Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal)) + ",";

    public static IReadOnlyList<string> UnpackTopics(string? packed) =>
        string.IsNullOrEmpty(packed) ? [] : packed.Split(',', StringSplitOptions.RemoveEmptyEntries);

    private static TimeSpan Hours(int hours) => TimeSpan.FromHours(Math.Max(1, hours));
}
