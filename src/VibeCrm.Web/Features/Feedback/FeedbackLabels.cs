using VibeCrm.Data.Feedback;

namespace VibeCrm.Web.Features.Feedback;

/// <summary>How feedback values read on screen.</summary>
public static class FeedbackLabels
{
    public static string Status(FeedbackStatus status) => status switch
    {
        FeedbackStatus.InProgress => "In progress",
        FeedbackStatus.WaitingOnCustomer => "Waiting on customer",
        _ => status.ToString(),
    };

    public static string Channel(FeedbackChannel channel) => channel switch
    {
        FeedbackChannel.PublicLink => "Public link",
        FeedbackChannel.WalkIn => "Walk-in",
        FeedbackChannel.Pos => "Till (POS)",
        _ => channel.ToString(),
    };

    public static string Type(FeedbackType type) => type.ToString();

    public static string Stars(int? rating) => rating is { } r ? new string('★', r) + new string('☆', 5 - r) : "";

    public static string SentimentBadge(string? label) => label switch
    {
        "positive" => "text-bg-success",
        "negative" => "text-bg-danger",
        "neutral" => "text-bg-secondary",
        _ => "text-bg-light",
    };

    public static string PriorityBadge(FeedbackPriority priority) => priority switch
    {
        FeedbackPriority.Urgent => "text-bg-danger",
        FeedbackPriority.High => "text-bg-warning",
        FeedbackPriority.Normal => "text-bg-primary",
        _ => "text-bg-light border",
    };
}
