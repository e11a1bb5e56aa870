using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Tenants;

namespace VibeCrm.Web.Features.Customers.Timeline;

/// <summary>Every consent grant and withdrawal.</summary>
public sealed class ConsentTimelineSource(TenantDbContext db) : ITimelineSource
{
    public async Task<IReadOnlyList<TimelineItem>> GetAsync(int customerId, DateTimeOffset? before, int take, CancellationToken ct)
    {
        var query = db.ConsentRecords.AsNoTracking().Where(c => c.CustomerId == customerId);
        if (before is { } cursor)
        {
            query = query.Where(c => c.RecordedAt < cursor);
        }

        var rows = await (
            from c in query.OrderByDescending(c => c.RecordedAt).ThenByDescending(c => c.Id).Take(take)
            join u in db.Users on c.RecordedByUserId equals u.Id into staff
            from u in staff.DefaultIfEmpty()
            select new { c.Id, c.Channel, c.Granted, c.Source, c.RecordedAt, c.Note, FirstName = u != null ? u.FirstName : null, LastName = u != null ? u.LastName : null })
            .ToListAsync(ct);
        return [.. rows.Select(r => new TimelineItem(
            r.RecordedAt,
            "consent",
            r.Granted ? "✓" : "✕",
            $"{ConsentLabels.Channel(r.Channel)} consent {(r.Granted ? "granted" : "withdrawn")}",
            string.IsNullOrWhiteSpace(r.Note) ? $"Source: {ConsentLabels.Source(r.Source)}" : $"Source: {ConsentLabels.Source(r.Source)} · {r.Note}",
            Actor: r.FirstName is null ? null : $"{r.FirstName} {r.LastName}".Trim())
        {
            RecordId = (int)r.Id,
        })];
    }
}
