using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Feedback;
using VibeCrm.Data.Tenants;
using VibeCrm.Tenancy;
using VibeCrm.Web.Features.Customers.Timeline;

namespace VibeCrm.Web.Features.Feedback;

/// <summary>The customer's feedback on their timeline: each item as it came in, and the replies exchanged with them (public, email, their answers).</summary>
public sealed class FeedbackTimelineSource(TenantDbContext db, ITenantContextAccessor tenants) : ITimelineSource
{
    public const string Kind = "feedback";
    public const string ReplyKind = "feedback-reply";

    private static readonly FeedbackMessageKind[] Shown = [FeedbackMessageKind.PublicReply, FeedbackMessageKind.EmailReply, FeedbackMessageKind.CustomerAnswer];

    public async Task<IReadOnlyList<TimelineItem>> GetAsync(int customerId, DateTimeOffset? before, int take, CancellationToken ct)
    {
        var slug = tenants.RequireTenant().Identifier;
        var items = db.FeedbackItems.AsNoTracking().Where(i => i.CustomerId == customerId);
        if (before is { } cursor)
        {
            items = items.Where(i => i.CreatedAt < cursor);
        }

        var itemRows = await items.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id).Take(take)
            .Select(i => new { i.Id, i.Type, i.Channel, i.Rating, i.Title, i.Text, i.SentimentLabel, i.CorrectedLabel, i.Status, i.CreatedAt })
            .ToListAsync(ct);

        var messages = from m in db.FeedbackMessages.AsNoTracking()
                       join i in db.FeedbackItems on m.ItemId equals i.Id
                       where i.CustomerId == customerId && Shown.Contains(m.Kind)
                       select new { m.Id, m.ItemId, m.Kind, m.Body, m.CreatedAt, AuthorFirst = db.Users.Where(u => u.Id == m.AuthorUserId).Select(u => u.FirstName + " " + u.LastName).FirstOrDefault() };
        if (before is { } until)
        {
            messages = messages.Where(m => m.CreatedAt < until);
        }

        var messageRows = await messages.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(take).ToListAsync(ct);
        var result = itemRows.Select(i => new TimelineItem(
            i.CreatedAt,
            Kind,
            i.Type == FeedbackType.Review ? "★" : "✎",
            $"{FeedbackLabels.Type(i.Type)} via {FeedbackLabels.Channel(i.Channel).ToLowerInvariant()}" + (i.Rating is { } r ? $" · {r}/5" : "") + (i.Title is { } t ? $": {t}" : ""),
            $"{FeedbackReplies.Snippet(i.Text, 200)} · {(i.CorrectedLabel ?? i.SentimentLabel) ?? "not scored yet"} · {FeedbackLabels.Status(i.Status)}",
            Link: $"/{slug}/admin/feedback/{i.Id}")
        {
            RecordId = i.Id,
        }).Concat(messageRows.Select(m => new TimelineItem(
            m.CreatedAt,
            ReplyKind,
            m.Kind == FeedbackMessageKind.CustomerAnswer ? "↩" : "✉",
            m.Kind switch
            {
                FeedbackMessageKind.PublicReply => "Public reply to a review",
                FeedbackMessageKind.EmailReply => "Email reply about feedback",
                _ => "Customer answered by email",
            },
            FeedbackReplies.Snippet(m.Body, 200),
            Link: $"/{slug}/admin/feedback/{m.ItemId}",
            Actor: m.AuthorFirst?.Trim())
        {
            RecordId = m.Id,
        }));
        return [.. result.OrderByDescending(r => r.At).Take(take)];
    }
}
