using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Feedback;
using VibeCrm.Data.Tenants;
using VibeCrm.Web.Features.Interactions;

namespace VibeCrm.Web.Features.Feedback;

/// <summary>The inbox filters. Dates are the tenant's calendar days (inclusive).</summary>
public sealed record FeedbackFilter(
    FeedbackType? Type = null,
    string? Sentiment = null,
    FeedbackStatus? Status = null,
    FeedbackPriority? Priority = null,
    string? Assignee = null,
    string? Topic = null,
    int? Rating = null,
    DateOnly? From = null,
    DateOnly? To = null,
    bool OpenOnly = false,
    bool Overdue = false,
    int Page = 1);

public sealed record FeedbackRow(
    int Id, FeedbackType Type, FeedbackChannel Channel, int? CustomerId, string? CustomerName, int? Rating, string? Title, string Text,
    SentimentView Sentiment, FeedbackStatus Status, FeedbackPriority Priority, string? AssigneeName, ModerationState? Moderation,
    DateTimeOffset CreatedAt, DateTimeOffset FirstResponseDueAt, DateTimeOffset ResolutionDueAt, bool FirstResponseOverdue, bool ResolutionOverdue);

public sealed record FeedbackPage(IReadOnlyList<FeedbackRow> Rows, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>Sentiment of one item as shown (and polled for) in the inbox and on the item page.</summary>
public sealed record SentimentView(int Id, string? Label, float? Confidence, float? Score, string? Topics, string? Model, DateTimeOffset? ScoredAt, string? CorrectedLabel)
{
    public bool Scored => ScoredAt is not null;

    public IReadOnlyList<string> TopicList => FeedbackRules.UnpackTopics(Topics);
}

public sealed record ThreadEntry(int Id, FeedbackMessageKind Kind, string Body, string? AuthorName, string? SentTo, DateTimeOffset CreatedAt, DateTimeOffset? AnsweredAt);

public sealed record FeedbackDetail(
    FeedbackItem Item, string? CustomerName, string? CustomerEmail, string? AssigneeName, string? EnteredByName, string? CorrectedByName, IReadOnlyList<ThreadEntry> Thread);

/// <summary>A published review as anyone sees it in the portal, with the merchant's public replies.</summary>
public sealed record PublicReview(int Id, int Rating, string? Title, string Text, string? AuthorName, string? Store, string? Product, DateTimeOffset PublishedAt, IReadOnlyList<PublicReply> Replies);

public sealed record PublicReply(string Body, DateTimeOffset At);

/// <summary>A member's own item: what they wrote, where it stands, and what the merchant answered them (never internal notes).</summary>
public sealed record MyFeedback(int Id, FeedbackType Type, int? Rating, string? Title, string Text, FeedbackStatus Status, ModerationState? Moderation, DateTimeOffset CreatedAt, IReadOnlyList<ThreadEntry> Replies);

public sealed class FeedbackQueries(TenantDbContext db, TimeProvider clock)
{
    public const int PageSize = 25;

    private static readonly FeedbackMessageKind[] CustomerVisible = [FeedbackMessageKind.PublicReply, FeedbackMessageKind.EmailReply, FeedbackMessageKind.CustomerAnswer];

    public async Task<FeedbackPage> ListAsync(FeedbackFilter filter, string currentUserId, string timeZoneId, CancellationToken ct)
    {
        var query = Filtered(filter, currentUserId, timeZoneId);
        var total = await query.CountAsync(ct);
        var page = Math.Clamp(filter.Page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var now = clock.GetUtcNow();
        var rows = await (
            from i in query.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id).Skip((page - 1) * PageSize).Take(PageSize)
            join c in db.Customers on i.CustomerId equals c.Id into customers
            from c in customers.DefaultIfEmpty()
            join u in db.Users on i.AssigneeUserId equals u.Id into assignees
            from u in assignees.DefaultIfEmpty()
            select new
            {
                i,
                CustomerName = c != null ? c.FirstName + " " + c.LastName : i.ContactName,
                AssigneeName = u != null ? u.FirstName + " " + u.LastName : null,
            }).ToListAsync(ct);
        return new FeedbackPage(
            [.. rows.Select(r => new FeedbackRow(
                r.i.Id, r.i.Type, r.i.Channel, r.i.CustomerId, r.CustomerName?.Trim(), r.i.Rating, r.i.Title, FeedbackReplies.Snippet(r.i.Text, 140),
                Sentiment(r.i), r.i.Status, r.i.Priority, r.AssigneeName, r.i.Moderation, r.i.CreatedAt, r.i.FirstResponseDueAt, r.i.ResolutionDueAt,
                FeedbackRules.IsFirstResponseOverdue(r.i, now), FeedbackRules.IsResolutionOverdue(r.i, now)))],
            total, page, PageSize);
    }

    private IQueryable<FeedbackItem> Filtered(FeedbackFilter f, string currentUserId, string timeZoneId)
    {
        var q = db.FeedbackItems.AsNoTracking();
        if (f.Type is { } type)
        {
            q = q.Where(i => i.Type == type);
        }

        if (f.Sentiment == "unscored")
        {
            q = q.Where(i => i.ScoredAt == null);
        }
        else if (!string.IsNullOrEmpty(f.Sentiment))
        {
            q = q.Where(i => (i.CorrectedLabel ?? i.SentimentLabel) == f.Sentiment);
        }

        if (f.Status is { } status)
        {
            q = q.Where(i => i.Status == status);
        }
        else if (f.OpenOnly)
        {
            q = q.Where(i => i.Status != FeedbackStatus.Resolved && i.Status != FeedbackStatus.Closed);
        }

        if (f.Priority is { } priority)
        {
            q = q.Where(i => i.Priority == priority);
        }

        q = f.Assignee switch
        {
            null or "" => q,
            "me" => q.Where(i => i.AssigneeUserId == currentUserId),
            "none" => q.Where(i => i.AssigneeUserId == null),
            var id => q.Where(i => i.AssigneeUserId == id),
        };
        if (!string.IsNullOrWhiteSpace(f.Topic))
        {
            var packed = "," + f.Topic.Trim().ToLowerInvariant() + ",";
            q = q.Where(i => i.Topics != null && i.Topics.Contains(packed));
        }

        if (f.Rating is { } rating)
        {
            q = q.Where(i => i.Rating == rating);
        }

        if (f.From is { } from)
        {
            var start = TenantTime.ToUtc(from.ToDateTime(TimeOnly.MinValue), timeZoneId);
            q = q.Where(i => i.CreatedAt >= start);
        }

        if (f.To is { } to)
        {
            var end = TenantTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue), timeZoneId);
            q = q.Where(i => i.CreatedAt < end);
        }

        if (f.Overdue)
        {
            var now = clock.GetUtcNow();
            q = q.Where(i => i.ResolvedAt == null && i.Status != FeedbackStatus.Closed && (i.ResolutionDueAt < now || (i.FirstResponseAt == null && i.FirstResponseDueAt < now)));
        }

        return q;
    }

    public Task<SentimentView?> SentimentAsync(int id, CancellationToken ct) =>
        db.FeedbackItems.AsNoTracking().Where(i => i.Id == id)
            .Select(i => new SentimentView(i.Id, i.SentimentLabel, i.SentimentConfidence, i.SentimentScore, i.Topics, i.SentimentModel, i.ScoredAt, i.CorrectedLabel))
            .FirstOrDefaultAsync(ct);

    public async Task<FeedbackDetail?> DetailAsync(int id, CancellationToken ct)
    {
        var item = await db.FeedbackItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null)
        {
            return null;
        }

        var customer = item.CustomerId is { } customerId
            ? await db.Customers.AsNoTracking().Where(c => c.Id == customerId).Select(c => new { Name = c.FirstName + " " + c.LastName, c.Email }).FirstOrDefaultAsync(ct)
            : null;
        var people = new[] { item.AssigneeUserId, item.EnteredByUserId, item.CorrectedByUserId }.OfType<string>().ToList();
        var names = await NamesAsync(people, ct);
        return new FeedbackDetail(
            item,
            customer?.Name.Trim() ?? item.ContactName,
            customer?.Email ?? item.ContactEmail,
            Name(names, item.AssigneeUserId),
            Name(names, item.EnteredByUserId),
            Name(names, item.CorrectedByUserId),
            await ThreadAsync(db.FeedbackMessages.Where(m => m.ItemId == id), ct));
    }

    /// <summary>Published reviews, newest first, each with its public replies; nothing else about the item is exposed.</summary>
    public async Task<(IReadOnlyList<PublicReview> Reviews, int Total)> PublishedReviewsAsync(int page, int pageSize, CancellationToken ct)
    {
        var published = db.FeedbackItems.AsNoTracking().Where(i => i.Type == FeedbackType.Review && i.Moderation == ModerationState.Published && i.Rating != null);
        var total = await published.CountAsync(ct);
        var rows = await (
            from i in published.OrderByDescending(i => i.PublishedAt).ThenByDescending(i => i.Id).Skip((Math.Max(1, page) - 1) * pageSize).Take(pageSize)
            join c in db.Customers on i.CustomerId equals c.Id into customers
            from c in customers.DefaultIfEmpty()
            select new { i.Id, i.Rating, i.Title, i.Text, i.Store, i.Product, i.PublishedAt, First = c != null && c.ErasedAt == null ? c.FirstName : null, Last = c != null && c.ErasedAt == null ? c.LastName : null })
            .ToListAsync(ct);
        var replies = await RepliesAsync([.. rows.Select(r => r.Id)], ct);
        return ([.. rows.Select(r => new PublicReview(r.Id, r.Rating!.Value, r.Title, r.Text, Author(r.First, r.Last), r.Store, r.Product, r.PublishedAt!.Value,
            replies.TryGetValue(r.Id, out var list) ? list : []))], total);
    }

    /// <summary>The public replies of the given reviews (only of published ones).</summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<PublicReply>>> RepliesAsync(IReadOnlyCollection<int> reviewIds, CancellationToken ct)
    {
        if (reviewIds.Count == 0)
        {
            return new Dictionary<int, IReadOnlyList<PublicReply>>();
        }

        var rows = await (
            from m in db.FeedbackMessages.AsNoTracking()
            join i in db.FeedbackItems on m.ItemId equals i.Id
            where reviewIds.Contains(m.ItemId) && m.Kind == FeedbackMessageKind.PublicReply && i.Moderation == ModerationState.Published
            orderby m.CreatedAt
            select new { m.ItemId, m.Body, m.CreatedAt }).ToListAsync(ct);
        return rows.GroupBy(r => r.ItemId).ToDictionary(g => g.Key, g => (IReadOnlyList<PublicReply>)[.. g.Select(r => new PublicReply(r.Body, r.CreatedAt))]);
    }

    /// <summary>A member's own feedback, with the replies meant for them (public and email replies, their answers).</summary>
    public async Task<IReadOnlyList<MyFeedback>> ForCustomerAsync(int customerId, CancellationToken ct)
    {
        var items = await db.FeedbackItems.AsNoTracking().Where(i => i.CustomerId == customerId)
            .OrderByDescending(i => i.CreatedAt).Take(50)
            .Select(i => new { i.Id, i.Type, i.Rating, i.Title, i.Text, i.Status, i.Moderation, i.CreatedAt })
            .ToListAsync(ct);
        var ids = items.Select(i => i.Id).ToList();
        var thread = await EntriesAsync(db.FeedbackMessages.Where(m => ids.Contains(m.ItemId) && CustomerVisible.Contains(m.Kind)), ct);
        return [.. items.Select(i => new MyFeedback(i.Id, i.Type, i.Rating, i.Title, i.Text, i.Status, i.Moderation, i.CreatedAt,
            [.. thread.Where(t => t.ItemId == i.Id).Select(t => t.Entry)]))];
    }

    public static SentimentView Sentiment(FeedbackItem i) =>
        new(i.Id, i.SentimentLabel, i.SentimentConfidence, i.SentimentScore, i.Topics, i.SentimentModel, i.ScoredAt, i.CorrectedLabel);

    /// <summary>"Emma L." — reviews show the first name and an initial only.</summary>
    public static string? Author(string? first, string? last) =>
        string.IsNullOrWhiteSpace(first) ? null : string.IsNullOrWhiteSpace(last) ? first.Trim() : $"{first.Trim()} {char.ToUpperInvariant(last.Trim()[0])}.";

    private async Task<IReadOnlyList<ThreadEntry>> ThreadAsync(IQueryable<FeedbackMessage> messages, CancellationToken ct) =>
        [.. (await EntriesAsync(messages, ct)).Select(t => t.Entry)];

    private async Task<List<(int ItemId, ThreadEntry Entry)>> EntriesAsync(IQueryable<FeedbackMessage> messages, CancellationToken ct)
    {
        var rows = await (
            from m in messages.AsNoTracking()
            join u in db.Users on m.AuthorUserId equals u.Id into authors
            from u in authors.DefaultIfEmpty()
            orderby m.CreatedAt, m.Id
            select new { m.ItemId, m.Id, m.Kind, m.Body, Author = u != null ? u.FirstName + " " + u.LastName : null, m.SentTo, m.CreatedAt, m.AnsweredAt })
            .ToListAsync(ct);
        return [.. rows.Select(r => (r.ItemId, new ThreadEntry(r.Id, r.Kind, r.Body, r.Author?.Trim(), r.SentTo, r.CreatedAt, r.AnsweredAt)))];
    }

    private async Task<Dictionary<string, string>> NamesAsync(List<string> ids, CancellationToken ct) =>
        ids.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => (u.FirstName + " " + u.LastName).Trim(), StringComparer.Ordinal, ct);

    private static string? Name(Dictionary<string, string> names, string? id) => id is not null && names.TryGetValue(id, out var n) ? n : null;
}
