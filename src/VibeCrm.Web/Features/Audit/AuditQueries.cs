using Microsoft.EntityFrameworkCore;
using VibeCrm.Data;
using VibeCrm.Data.Tenants;
using VibeCrm.Web.Features.Interactions;

namespace VibeCrm.Web.Features.Audit;

public sealed record AuditRow(long Id, string EntityType, int EntityId, string Action, string? UserName, DateTimeOffset At, IReadOnlyList<AuditChange> Changes);

public sealed class AuditFilter
{
    public string? EntityType { get; set; }

    public string? UserId { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    public int Page { get; set; } = 1;
}

public sealed record AuditPage(IReadOnlyList<AuditRow> Rows, int Page, bool HasMore);

/// <summary>The audit trail of the CRM records, newest first.</summary>
public sealed class AuditQueries(TenantDbContext db)
{
    public const int PageSize = 50;

    public static readonly IReadOnlyList<string> EntityTypes = ["Customer", "Interaction", "Opportunity", "Lead", Imports.ImportJobRunner.AuditType];

    public async Task<IReadOnlyList<AuditRow>> ForEntityAsync(string entityType, int entityId, CancellationToken ct, int take = 200)
    {
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == entityType && a.EntityId == entityId)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Take(take)
            .Select(a => new { a.Id, a.EntityType, a.EntityId, a.Action, a.UserName, a.At, a.ChangesJson })
            .ToListAsync(ct);
        return [.. rows.Select(a => new AuditRow(a.Id, a.EntityType, a.EntityId, a.Action, a.UserName, a.At, AuditFormatter.Parse(a.ChangesJson)))];
    }

    public async Task<AuditPage> SearchAsync(AuditFilter filter, string timeZoneId, CancellationToken ct)
    {
        var page = Math.Max(1, filter.Page);
        var query = db.AuditEntries.AsNoTracking().Where(a => EntityTypes.Contains(a.EntityType));
        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            query = query.Where(a => a.EntityType == filter.EntityType);
        }

        if (!string.IsNullOrWhiteSpace(filter.UserId))
        {
            query = query.Where(a => a.UserId == filter.UserId);
        }

        if (filter.From is { } from)
        {
            var start = TenantTime.ToUtc(from.ToDateTime(TimeOnly.MinValue), timeZoneId);
            query = query.Where(a => a.At >= start);
        }

        if (filter.To is { } to)
        {
            var end = TenantTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue), timeZoneId);
            query = query.Where(a => a.At < end);
        }

        var rows = await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip((page - 1) * PageSize).Take(PageSize + 1)
            .Select(a => new { a.Id, a.EntityType, a.EntityId, a.Action, a.UserName, a.At, a.ChangesJson })
            .ToListAsync(ct);
        return new AuditPage(
            [.. rows.Take(PageSize).Select(a => new AuditRow(a.Id, a.EntityType, a.EntityId, a.Action, a.UserName, a.At, AuditFormatter.Parse(a.ChangesJson)))],
            page,
            rows.Count > PageSize);
    }
}
