using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Crm;
using VibeCrm.Data.Tenants;
using VibeCrm.Web.Features.Interactions;

namespace VibeCrm.Web.Features.Customers.Timeline;

/// <summary>Calls, emails, meetings, tickets, SMS and notes.</summary>
public sealed class InteractionTimelineSource(TenantDbContext db) : ITimelineSource
{
    public const string Kind = "interaction";

    public async Task<IReadOnlyList<TimelineItem>> GetAsync(int customerId, DateTimeOffset? before, int take, CancellationToken ct)
    {
        var query = db.Interactions.AsNoTracking().Where(i => i.CustomerId == customerId);
        if (before is { } cursor)
        {
            query = query.Where(i => i.OccurredAt < cursor);
        }

        return await ProjectAsync(query.OrderByDescending(i => i.OccurredAt).ThenByDescending(i => i.Id).Take(take), ct);
    }

    /// <summary>One interaction as a timeline item, e.g. to insert it after it was logged.</summary>
    public async Task<TimelineItem?> ItemAsync(int customerId, int interactionId, CancellationToken ct) =>
        await ProjectAsync(db.Interactions.AsNoTracking().Where(i => i.Id == interactionId && i.CustomerId == customerId), ct) is [var item, ..] ? item : null;

    private async Task<IReadOnlyList<TimelineItem>> ProjectAsync(IQueryable<Interaction> interactions, CancellationToken ct)
    {
        var rows = await (
            from i in interactions
            join u in db.Users on i.StaffUserId equals u.Id into staff
            from u in staff.DefaultIfEmpty()
            select new { i.Id, i.Type, i.Direction, i.OccurredAt, i.Subject, i.Body, i.Outcome, i.DurationMinutes, FirstName = u != null ? u.FirstName : null, LastName = u != null ? u.LastName : null })
            .ToListAsync(ct);
        return [.. rows.OrderByDescending(r => r.OccurredAt).ThenByDescending(r => r.Id).Select(r => new TimelineItem(
            r.OccurredAt,
            Kind,
            InteractionLabels.Icon(r.Type),
            $"{InteractionLabels.Describe(r.Type, r.Direction)}: {r.Subject}",
            Detail(r.Body, r.Outcome, r.DurationMinutes),
            Actor: r.FirstName is null ? null : $"{r.FirstName} {r.LastName}".Trim())
        {
            RecordId = r.Id,
        })];
    }

    private static string? Detail(string? body, string? outcome, int? minutes)
    {
        var parts = new List<string>(3);
        if (!string.IsNullOrWhiteSpace(body))
        {
            parts.Add(body);
        }

        if (!string.IsNullOrWhiteSpace(outcome))
        {
            parts.Add("Outcome: " + outcome);
        }

        if (minutes is > 0)
        {
            parts.Add($"{minutes} min");
        }

        return parts.Count == 0 ? null : string.Join(" · ", parts);
    }
}
