using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Crm;
using VibeCrm.Data.Tenants;
using VibeCrm.Web.Features.Opportunities;

namespace VibeCrm.Web.Features.Leads;

public sealed record LeadRow(
    int Id, string Name, string? Email, string? Phone, string? Company, LeadSource Source, LeadStatus Status,
    int Score, string? OwnerName, DateTimeOffset CreatedAt, DateTimeOffset? LastContactedAt, int? ConvertedCustomerId);

public sealed record LeadFilter(
    string? Q = null, LeadStatus? Status = null, LeadSource? Source = null, string? Owner = null,
    int? MinScore = null, int? MaxScore = null, string? Sort = null, int Page = 1);

public sealed record LeadPage(IReadOnlyList<LeadRow> Rows, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed record SourceConversion(string Source, int Leads, int Converted, double? MedianDays, double? AverageDays)
{
    public double Rate => Leads == 0 ? 0 : (double)Converted / Leads;
}

/// <summary>An interaction with a lead, newest first on the lead's page.</summary>
public sealed record LeadInteractionRow(
    int Id, InteractionType Type, InteractionDirection Direction, DateTimeOffset OccurredAt, string Subject, string? Outcome, string? StaffUserId, string? StaffName);

public sealed record ConversionReport(IReadOnlyList<SourceConversion> Sources, SourceConversion Overall);

/// <summary>The lead list and the conversion report.</summary>
public sealed class LeadQueries(TenantDbContext db)
{
    public const int PageSize = 25;

    public static readonly string[] Sorts = ["-score", "score", "name", "-created", "created", "-contacted"];

    public async Task<LeadPage> ListAsync(LeadFilter filter, string currentUserId, CancellationToken cancellationToken)
    {
        var query = db.Leads.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var pattern = Parties.Contains(filter.Q.Trim());
            var digits = new string(filter.Q.Where(char.IsAsciiDigit).ToArray());
            var phonePattern = digits.Length >= 3 ? Parties.Contains(digits) : null;
            query = query.Where(l => EF.Functions.Like(l.FirstName + " " + l.LastName, pattern, "\\")
                || EF.Functions.Like(l.LastName + " " + l.FirstName, pattern, "\\")
                || EF.Functions.Like(l.Email!, pattern, "\\")
                || EF.Functions.Like(l.Phone!, pattern, "\\")
                || (phonePattern != null && EF.Functions.Like(l.Phone!, phonePattern, "\\"))
                || EF.Functions.Like(l.Company!, pattern, "\\"));
        }

        if (filter.Status is { } status)
        {
            query = query.Where(l => l.Status == status);
        }

        if (filter.Source is { } source)
        {
            query = query.Where(l => l.Source == source);
        }

        query = filter.Owner switch
        {
            null or "" => query,
            "me" => query.Where(l => l.OwnerUserId == currentUserId),
            "none" => query.Where(l => l.OwnerUserId == null),
            var owner => query.Where(l => l.OwnerUserId == owner),
        };
        if (filter.MinScore is { } min)
        {
            query = query.Where(l => l.Score >= min);
        }

        if (filter.MaxScore is { } max)
        {
            query = query.Where(l => l.Score <= max);
        }

        var total = await query.CountAsync(cancellationToken);
        var sorted = filter.Sort switch
        {
            "score" => query.OrderBy(l => l.Score),
            "name" => query.OrderBy(l => l.FirstName).ThenBy(l => l.LastName),
            "-created" => query.OrderByDescending(l => l.CreatedAt),
            "created" => query.OrderBy(l => l.CreatedAt),
            "-contacted" => query.OrderByDescending(l => l.LastContactedAt != null).ThenByDescending(l => l.LastContactedAt),
            _ => query.OrderByDescending(l => l.Score).ThenByDescending(l => l.CreatedAt),
        };
        var page = Math.Clamp(filter.Page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var rows = await sorted.ThenBy(l => l.Id).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(l => new
            {
                l.Id, l.FirstName, l.LastName, l.Email, l.Phone, l.Company, l.Source, l.Status, l.Score, l.CreatedAt, l.LastContactedAt, l.ConvertedCustomerId,
                Owner = db.Users.Where(u => u.Id == l.OwnerUserId).Select(u => (u.FirstName + " " + u.LastName).Trim()).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return new LeadPage(
            [.. rows.Select(l => new LeadRow(l.Id, Name(l.FirstName, l.LastName, l.Email, l.Phone, l.Id), l.Email, l.Phone, l.Company, l.Source, l.Status, l.Score, l.Owner, l.CreatedAt, l.LastContactedAt, l.ConvertedCustomerId))],
            total, page, PageSize);
    }

    /// <summary>The lead's interactions, newest first (at most <paramref name="limit"/>).</summary>
    public async Task<IReadOnlyList<LeadInteractionRow>> InteractionsAsync(int leadId, int limit, CancellationToken cancellationToken) =>
        await db.Interactions.AsNoTracking().Where(i => i.LeadId == leadId)
            .OrderByDescending(i => i.OccurredAt).ThenByDescending(i => i.Id).Take(limit)
            .Select(i => new LeadInteractionRow(
                i.Id, i.Type, i.Direction, i.OccurredAt, i.Subject, i.Outcome, i.StaffUserId,
                db.Users.Where(u => u.Id == i.StaffUserId).Select(u => (u.FirstName + " " + u.LastName).Trim()).FirstOrDefault()))
            .ToListAsync(cancellationToken);

    public async Task<LeadRow?> FindAsync(int id, CancellationToken cancellationToken) =>
        (await ListByIdAsync(id, cancellationToken)) is { } l ? l : null;

    /// <summary>
    /// Leads created in [from, to) per source: how many, how many converted, and the time to convert in days.
    /// Counts are grouped in the database; the durations of converted leads (two numbers each) are read to take the median.
    /// </summary>
    public async Task<ConversionReport> ReportAsync(DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        var query = db.Leads.AsNoTracking();
        if (from is { } f)
        {
            query = query.Where(l => l.CreatedAt >= f);
        }

        if (to is { } t)
        {
            query = query.Where(l => l.CreatedAt < t);
        }

        var counts = await query.GroupBy(l => l.Source)
            .Select(g => new { Source = g.Key, Leads = g.Count(), Converted = g.Count(l => l.ConvertedAt != null) })
            .ToListAsync(cancellationToken);
        var durations = await query.Where(l => l.ConvertedAt != null)
            .Select(l => new { l.Source, l.CreatedAt, ConvertedAt = l.ConvertedAt!.Value })
            .ToListAsync(cancellationToken);

        var sources = counts
            .OrderByDescending(c => c.Leads).ThenBy(c => c.Source.ToString(), StringComparer.Ordinal)
            .Select(c =>
            {
                var days = durations.Where(d => d.Source == c.Source).Select(d => (d.ConvertedAt - d.CreatedAt).TotalDays).ToList();
                return new SourceConversion(c.Source.ToString(), c.Leads, c.Converted, Median(days), days.Count == 0 ? null : days.Average());
            })
            .ToList();
        var all = durations.Select(d => (d.ConvertedAt - d.CreatedAt).TotalDays).ToList();
        var overall = new SourceConversion("All sources", counts.Sum(c => c.Leads), counts.Sum(c => c.Converted), Median(all), all.Count == 0 ? null : all.Average());
        return new ConversionReport(sources, overall);
    }

    public static double? Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    public static string Name(string first, string last, string? email, string? phone, int id) =>
        $"{first} {last}".Trim() is { Length: > 0 } name ? name : email ?? phone ?? $"Lead {id}";

    private async Task<LeadRow?> ListByIdAsync(int id, CancellationToken cancellationToken)
    {
        var l = await db.Leads.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new
            {
                x.Id, x.FirstName, x.LastName, x.Email, x.Phone, x.Company, x.Source, x.Status, x.Score, x.CreatedAt, x.LastContactedAt, x.ConvertedCustomerId,
                Owner = db.Users.Where(u => u.Id == x.OwnerUserId).Select(u => (u.FirstName + " " + u.LastName).Trim()).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        return l is null ? null : new LeadRow(l.Id, Name(l.FirstName, l.LastName, l.Email, l.Phone, l.Id), l.Email, l.Phone, l.Company, l.Source, l.Status, l.Score, l.Owner, l.CreatedAt, l.LastContactedAt, l.ConvertedCustomerId);
    }
}
