using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Crm;
using VibeCrm.Data.Tenants;

namespace VibeCrm.Web.Features.Customers.Timeline;

/// <summary>Opportunities: created, moved between stages, won and lost.</summary>
public sealed class OpportunityTimelineSource(TenantDbContext db) : ITimelineSource
{
    public async Task<IReadOnlyList<TimelineItem>> GetAsync(int customerId, DateTimeOffset? before, int take, CancellationToken ct)
    {
        var opportunities = db.Opportunities.AsNoTracking().Where(o => o.CustomerId == customerId);
        var created = opportunities;
        if (before is { } cursor)
        {
            created = created.Where(o => o.CreatedAt < cursor);
        }

        var createdRows = await created.OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id).Take(take)
            .Select(o => new { o.Id, o.Title, o.Amount, o.Currency, o.CreatedAt })
            .ToListAsync(ct);

        // The first stage of a new opportunity (no "from" stage) is its creation, shown above.
        var changes =
            from c in db.OpportunityStageChanges.AsNoTracking()
            join o in opportunities on c.OpportunityId equals o.Id
            join s in db.PipelineStages on c.ToStageId equals s.Id
            join u in db.Users on c.ChangedByUserId equals u.Id into staff
            from u in staff.DefaultIfEmpty()
            where c.FromStageId != null
            select new { c.Id, c.ChangedAt, o.Title, StageName = s.Name, s.Kind, o.Amount, o.Currency, o.LostReason, FirstName = u != null ? u.FirstName : null, LastName = u != null ? u.LastName : null };
        if (before is { } cursor2)
        {
            changes = changes.Where(c => c.ChangedAt < cursor2);
        }

        var changeRows = await changes.OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id).Take(take).ToListAsync(ct);

        var items = new List<TimelineItem>(createdRows.Count + changeRows.Count);
        items.AddRange(createdRows.Select(o => new TimelineItem(
            o.CreatedAt, "opportunity", "◆", $"Opportunity created: {o.Title}", Money(o.Amount, o.Currency)) { RecordId = o.Id }));
        items.AddRange(changeRows.Select(c => new TimelineItem(
            c.ChangedAt,
            "stage",
            c.Kind switch { StageKind.Won => "★", StageKind.Lost => "✕", _ => "→" },
            c.Kind switch
            {
                StageKind.Won => $"Opportunity won: {c.Title}",
                StageKind.Lost => $"Opportunity lost: {c.Title}",
                _ => $"Opportunity moved to {c.StageName}: {c.Title}",
            },
            c.Kind == StageKind.Lost && !string.IsNullOrWhiteSpace(c.LostReason) ? $"{Money(c.Amount, c.Currency)} · {c.LostReason}" : Money(c.Amount, c.Currency),
            Actor: c.FirstName is null ? null : $"{c.FirstName} {c.LastName}".Trim())
        {
            RecordId = (int)c.Id,
        }));
        return items;
    }

    private static string Money(decimal amount, string currency) =>
        amount.ToString("N2", System.Globalization.CultureInfo.InvariantCulture) + " " + currency;
}
