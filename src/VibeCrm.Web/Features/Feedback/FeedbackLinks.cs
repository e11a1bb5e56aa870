using System.Globalization;
using VibeCrm.Web.Infrastructure.Web;

namespace VibeCrm.Web.Features.Feedback;

/// <summary>
/// The no-login links of the feedback module, each with its own purpose so one can never stand in for another:
/// a review invitation (for a customer and a purchase), an answer to a staff email reply, and the CSAT follow-up.
/// Paths are relative to the tenant's portal root (<c>https://host/{tenant}</c>).
/// </summary>
public sealed class FeedbackLinks(SignedLinks links)
{
    public const string ReviewPurpose = "feedback-review";
    public const string AnswerPurpose = "feedback-answer";
    public const string CsatPurpose = "feedback-csat";

    public static readonly TimeSpan ReviewLifetime = TimeSpan.FromDays(30);
    public static readonly TimeSpan AnswerLifetime = TimeSpan.FromDays(30);
    public static readonly TimeSpan CsatLifetime = TimeSpan.FromDays(14);

    /// <summary>The link a customer follows to review a purchase without signing in (answered once per customer and purchase).</summary>
    public string ReviewPath(int customerId, string purchaseReference) =>
        "/feedback/review?t=" + Uri.EscapeDataString(links.Create(ReviewPurpose, Invariant(customerId) + "|" + purchaseReference.Trim(), ReviewLifetime));

    public string AnswerPath(int messageId) =>
        "/feedback/answer?t=" + Uri.EscapeDataString(links.Create(AnswerPurpose, Invariant(messageId), AnswerLifetime));

    public string CsatPath(int itemId) =>
        "/feedback/csat?t=" + Uri.EscapeDataString(links.Create(CsatPurpose, Invariant(itemId), CsatLifetime));

    /// <summary>The customer and purchase of a review invitation, or the reason it cannot be used.</summary>
    public (SignedLinkStatus Status, int CustomerId, string Purchase) ReadReview(string? token)
    {
        var read = links.Read(ReviewPurpose, token);
        if (!read.IsValid)
        {
            return (read.Status, 0, "");
        }

        var parts = read.Payload!.Split('|', 2);
        return parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var customerId) && parts[1].Length > 0
            ? (SignedLinkStatus.Valid, customerId, parts[1])
            : (SignedLinkStatus.Invalid, 0, "");
    }

    public (SignedLinkStatus Status, int Id) ReadAnswer(string? token) => ReadId(AnswerPurpose, token);

    public (SignedLinkStatus Status, int Id) ReadCsat(string? token) => ReadId(CsatPurpose, token);

    /// <summary>The key that makes a review invitation single-use.</summary>
    public static string ReviewKey(int customerId, string purchase) => $"review:{Invariant(customerId)}:{purchase.Trim()}";

    private (SignedLinkStatus, int) ReadId(string purpose, string? token)
    {
        var read = links.Read(purpose, token);
        return !read.IsValid ? (read.Status, 0)
            : int.TryParse(read.Payload, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? (SignedLinkStatus.Valid, id)
            : (SignedLinkStatus.Invalid, 0);
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
