using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Crm;
using VibeCrm.Data.Tenants;
using VibeCrm.Web.Features.Audit;

namespace VibeCrm.Web.Features.Customers.Timeline;

/// <summary>Changes to the customer's own profile (created, updated, merged, erased), from the audit trail.</summary>
public sealed class AuditTimelineSource(TenantDbContext db) : ITimelineSource
{
    public async Task<IReadOnlyList<TimelineItem>> GetAsync(int customerId, DateTimeOffset? before, int take, CancellationToken ct)
    {
        var query = db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(Customer) && a.EntityId == customerId);
        if (before is { } cursor)
        {
            query = query.Where(a => a.At < cursor);
        }

        var rows = await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(take)
            .Select(a => new { a.Id, a.Action, a.ChangesJson, a.UserName, a.At })
            .ToListAsync(ct);
        return [.. rows.Select(r => new TimelineItem(
            r.At,
            "audit",
            "✎",
            r.Action switch
            {
                "Created" => "Profile created",
                "Updated" => "Profile updated",
                _ => $"Profile {r.Action.ToLowerInvariant()}",
            },
            r.Action == "Updated" ? AuditFormatter.ChangedFields(r.ChangesJson) : null,
            Actor: r.UserName)
        {
            RecordId = (int)r.Id,
        })];
    }
}
