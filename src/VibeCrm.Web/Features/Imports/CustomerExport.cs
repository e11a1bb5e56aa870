using System.Globalization;
using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Crm;
using VibeCrm.Data.Identity;
using VibeCrm.Data.Tenants;
using VibeCrm.Web.Features.Customers;

namespace VibeCrm.Web.Features.Imports;

/// <summary>
/// The filters of the customer list, as query-string values (<c>q, status, tag, owner, createdFrom, createdTo, activeFrom,
/// activeTo, sort</c>), plus <c>ids</c> (comma-separated) for "export selected". Dates are days in the tenant's time zone.
/// </summary>
public sealed class CustomerExportFilter
{
    public string? Q { get; set; }

    public string? Status { get; set; }

    public string? Tag { get; set; }

    public string? Owner { get; set; }

    public DateOnly? CreatedFrom { get; set; }

    public DateOnly? CreatedTo { get; set; }

    public DateOnly? ActiveFrom { get; set; }

    public DateOnly? ActiveTo { get; set; }

    public string? Sort { get; set; }

    public string? Ids { get; set; }

    /// <summary>Live (not merged) customers matching the filters, sorted; everything runs in the database.</summary>
    public IQueryable<Customer> Apply(IQueryable<Customer> customers, string timeZoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        var query = customers.Where(c => c.MergedIntoId == null);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var key = ContactRules.SearchKey(Q);
            var email = Q.Trim().ToLowerInvariant();
            var digits = string.Concat(Q.Where(char.IsAsciiDigit));
            var (phone, _) = ContactRules.Phone(Q, ContactRules.RegionFromTimeZone(timeZoneId));
            var local = digits.TrimStart('0');
            query = phone is not null
                ? query.Where(c => c.Phone == phone)
                : digits.Length >= 4 && digits.Length * 2 >= Q.Trim().Length
                ? query.Where(c => c.Phone != null && c.Phone.Contains(local))
                : query.Where(c => c.SearchName.StartsWith(key) || c.SearchLastName.StartsWith(key) || (c.NormalizedEmail != null && c.NormalizedEmail.StartsWith(email)));
        }

        if (Enum.TryParse<CustomerStatus>(Status, ignoreCase: true, out var status) && !int.TryParse(Status, out _))
        {
            query = query.Where(c => c.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(Tag))
        {
            var tag = Tag.Trim().ToLowerInvariant();
            query = query.Where(c => c.Tags.Any(t => t.Tag == tag));
        }

        if (!string.IsNullOrWhiteSpace(Owner))
        {
            query = query.Where(c => c.OwnerUserId == Owner);
        }

        if (CreatedFrom is { } createdFrom)
        {
            var from = StartOfDay(createdFrom, zone);
            query = query.Where(c => c.CreatedAt >= from);
        }

        if (CreatedTo is { } createdTo)
        {
            var to = StartOfDay(createdTo.AddDays(1), zone);
            query = query.Where(c => c.CreatedAt < to);
        }

        if (ActiveFrom is { } activeFrom)
        {
            var from = StartOfDay(activeFrom, zone);
            query = query.Where(c => c.LastActivityAt >= from);
        }

        if (ActiveTo is { } activeTo)
        {
            var to = StartOfDay(activeTo.AddDays(1), zone);
            query = query.Where(c => c.LastActivityAt < to);
        }

        if (SelectedIds() is { } ids)
        {
            query = query.Where(c => ids.Contains(c.Id));
        }

        return (Sort ?? "").Trim().ToLowerInvariant() switch
        {
            "name" => query.OrderBy(c => c.SearchLastName).ThenBy(c => c.Id),
            "-name" => query.OrderByDescending(c => c.SearchLastName).ThenByDescending(c => c.Id),
            "created" => query.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id),
            "activity" => query.OrderBy(c => c.LastActivityAt).ThenBy(c => c.Id),
            "-activity" => query.OrderByDescending(c => c.LastActivityAt).ThenByDescending(c => c.Id),
            "email" => query.OrderBy(c => c.NormalizedEmail).ThenBy(c => c.Id),
            _ => query.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id),
        };
    }

    /// <summary>The ids of "export selected", or null when not given.</summary>
    public List<int>? SelectedIds() =>
        string.IsNullOrWhiteSpace(Ids)
            ? null
            : [.. Ids.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id > 0).Distinct()];

    private static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}

/// <summary>
/// Streams the filtered customers as CSV: every profile field, tags joined with ";" and every custom field, with
/// formula-looking values neutralized. Reads the matching ids once, then the customers in chunks (no N+1, never the
/// whole table in memory).
/// </summary>
public sealed class CustomerExporter(TenantDbContext db)
{
    private const int Chunk = 500;

    public async Task WriteAsync(CustomerExportFilter filter, string timeZoneId, Stream output, CancellationToken cancellationToken)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        var ids = await filter.Apply(db.Customers.AsNoTracking(), timeZoneId).Select(c => c.Id).ToListAsync(cancellationToken);
        var fields = await db.CustomFields.AsNoTracking().OrderBy(f => f.SortOrder).ThenBy(f => f.Label).ToListAsync(cancellationToken);
        var owners = await db.Users.AsNoTracking().Where(u => u.Kind == AccountKind.Staff).ToDictionaryAsync(u => u.Id, u => u.Email ?? "", cancellationToken);

        await using var csv = CsvOutput.Writer(output);
        await CsvOutput.WriteRecordAsync(csv,
        [
            "Id", "First name", "Last name", "Email", "Phone", "Birthday", "Gender", "Address", "City", "Postal code", "Country", "Language",
            "Time zone", "Preferred channel", "Preferred store", "Preferred categories", "Instagram", "Facebook", "X", "TikTok", "LinkedIn",
            "Notes", "Status", "Owner", "Created at", "Last activity", "Tags", .. fields.Select(f => f.Label),
        ], cancellationToken);
        foreach (var chunk in ids.Chunk(Chunk))
        {
            var customers = await db.Customers.AsNoTracking().Where(c => chunk.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
            var tags = (await db.CustomerTags.AsNoTracking().Where(t => chunk.Contains(t.CustomerId)).ToListAsync(cancellationToken))
                .ToLookup(t => t.CustomerId, t => t.Tag);
            var values = (await db.CustomFieldValues.AsNoTracking().Where(v => chunk.Contains(v.CustomerId)).ToListAsync(cancellationToken))
                .ToDictionary(v => (v.CustomerId, v.FieldId), v => v.Value);
            foreach (var id in chunk)
            {
                var c = customers[id];
                await CsvOutput.WriteRecordAsync(csv,
                [
                    c.Id.ToString(CultureInfo.InvariantCulture), c.FirstName, c.LastName, c.Email, c.Phone,
                    c.Birthday?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), c.Gender, c.AddressLine, c.City, c.PostalCode, c.Country,
                    c.Language, c.TimeZoneId, c.PreferredChannel?.ToString(), c.PreferredStore, c.PreferredCategories, c.Instagram, c.Facebook,
                    c.XHandle, c.TikTok, c.LinkedIn, c.Notes, c.Status.ToString(), c.OwnerUserId is { } owner && owners.TryGetValue(owner, out var email) ? email : null,
                    Local(c.CreatedAt, zone), c.LastActivityAt is { } activity ? Local(activity, zone) : null,
                    string.Join(";", tags[id].Order(StringComparer.Ordinal)),
                    .. fields.Select(f => values.TryGetValue((id, f.Id), out var v) ? v : null),
                ], cancellationToken);
            }

            await csv.FlushAsync(cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }

    private static string Local(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
