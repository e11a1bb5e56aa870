using System.Globalization;
using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Crm;
using VibeCrm.Data.Identity;
using VibeCrm.Data.Tenants;
using VibeCrm.Web.Features.Customers;

namespace VibeCrm.Web.Features.Imports;

/// <summary>
/// What to export: the customer list's own query (<see cref="CustomerListQuery"/>: <c>q, status, tag, owner, createdFrom,
/// createdTo, activeFrom, activeTo, sort, dir</c>, dates as days in the tenant's time zone), plus <c>ids</c> for "export
/// selected" (comma-separated or repeated). The sort also takes the export's "-name" form for descending.
/// </summary>
public sealed record CustomerExportFilter(CustomerListQuery List, IReadOnlyList<string>? Ids = null)
{
    /// <summary>
    /// Live customers matching the filters through the list's own <see cref="CustomerQueries.Filter"/> (search, tag,
    /// status, owner, days in the tenant's time zone), the selection, sorted; everything runs in the database.
    /// </summary>
    public IQueryable<Customer> Apply(CustomerQueries queries)
    {
        var query = queries.Filter(List, CustomerQueries.CountLead(List));
        if (SelectedIds() is { } ids)
        {
            query = query.Where(c => ids.Contains(c.Id));
        }

        // "-name" or dir=desc: the export's sort names, and the list's sort and direction when it links here.
        var sort = (List.Sort ?? "").Trim().ToLowerInvariant();
        var descending = sort.StartsWith('-') || string.Equals(List.Dir, "desc", StringComparison.OrdinalIgnoreCase);
        return sort.TrimStart('-') switch
        {
            "email" => query.OrderBy(c => c.NormalizedEmail).ThenBy(c => c.Id),
            "name" or "activity" or "created" => CustomerQueries.Sort(query, sort.TrimStart('-'), descending),
            _ => CustomerQueries.Sort(query, "created", descending: true),
        };
    }

    /// <summary>The ids of "export selected", or null when not given.</summary>
    public List<int>? SelectedIds() =>
        Ids is null || Ids.All(string.IsNullOrWhiteSpace)
            ? null
            : [.. Ids.SelectMany(i => (i ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id > 0).Distinct()];
}

/// <summary>
/// Streams the filtered customers as CSV: every profile field, tags joined with ";" and every custom field, with
/// formula-looking values neutralized. Reads the matching ids once, then the customers in chunks (no N+1, never the
/// whole table in memory).
/// </summary>
public sealed class CustomerExporter(TenantDbContext db, CustomerQueries queries)
{
    private const int Chunk = 500;

    public async Task WriteAsync(CustomerExportFilter filter, string timeZoneId, Stream output, CancellationToken cancellationToken)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        var ids = await filter.Apply(queries).Select(c => c.Id).ToListAsync(cancellationToken);
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
