using System.Globalization;
using Microsoft.EntityFrameworkCore;
using VibeCrm.Data;
using VibeCrm.Data.Crm;
using VibeCrm.Data.Tenants;

namespace VibeCrm.Web.Features.Customers;

/// <summary>A field that differs between the two records; <see cref="Key"/> is a property name or <c>cf:{fieldId}</c>.</summary>
public sealed record MergeField(string Key, string Label, string? KeepValue, string? OtherValue)
{
    /// <summary>Suggested choice: the survivor's value unless it is empty.</summary>
    public bool SuggestOther => string.IsNullOrWhiteSpace(KeepValue) && !string.IsNullOrWhiteSpace(OtherValue);
}

public sealed record MergeCandidate(int Id, string Name, string? Email, string? Phone);

public sealed record MergePreview(MergeCandidate Keep, MergeCandidate Other, IReadOnlyList<MergeField> Fields, IReadOnlyList<string> KeepTags, IReadOnlyList<string> OtherTags);

/// <summary>
/// Merges a duplicate ("other") into the surviving record ("keep"): the chosen field values, tags (union), custom values,
/// interactions, consent history, opportunities and converted leads move to the survivor; the other is marked merged and hidden.
/// One transaction; both records get a "Merged" audit entry.
/// </summary>
public sealed class CustomerMergeService(TenantDbContext db, IAuditActor actor, TimeProvider clock)
{
    /// <summary>The profile fields offered in the side-by-side chooser.</summary>
    public static readonly IReadOnlyList<(string Property, string Label)> Fields =
    [
        (nameof(Customer.FirstName), "First name"),
        (nameof(Customer.LastName), "Last name"),
        (nameof(Customer.Email), "Email"),
        (nameof(Customer.Phone), "Phone"),
        (nameof(Customer.Birthday), "Birthday"),
        (nameof(Customer.Gender), "Gender"),
        (nameof(Customer.AddressLine), "Address"),
        (nameof(Customer.City), "City"),
        (nameof(Customer.PostalCode), "Postal code"),
        (nameof(Customer.Country), "Country"),
        (nameof(Customer.Language), "Language"),
        (nameof(Customer.TimeZoneId), "Time zone"),
        (nameof(Customer.PreferredChannel), "Preferred channel"),
        (nameof(Customer.PreferredStore), "Preferred store"),
        (nameof(Customer.PreferredCategories), "Preferred categories"),
        (nameof(Customer.Instagram), "Instagram"),
        (nameof(Customer.Facebook), "Facebook"),
        (nameof(Customer.XHandle), "X"),
        (nameof(Customer.TikTok), "TikTok"),
        (nameof(Customer.LinkedIn), "LinkedIn"),
        (nameof(Customer.Notes), "Notes"),
        (nameof(Customer.OwnerUserId), "Owner"),
        (nameof(Customer.Status), "Status"),
    ];

    public async Task<IReadOnlyList<MergeCandidate>> SearchAsync(int excludeId, string? query, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return [];
        }

        var q = query.Trim();
        var key = ContactRules.SearchKey(q);
        var email = q.ToLowerInvariant();
        return await db.Customers.AsNoTracking()
            .Where(c => c.Id != excludeId && c.MergedIntoId == null && c.ErasedAt == null
                && ((c.NormalizedEmail != null && c.NormalizedEmail.StartsWith(email)) || c.SearchName.StartsWith(key) || c.SearchLastName.StartsWith(key)))
            .OrderBy(c => c.SearchName)
            .Take(20)
            .Select(c => new MergeCandidate(c.Id, (c.FirstName + " " + c.LastName).Trim(), c.Email, c.Phone))
            .ToListAsync(ct);
    }

    public async Task<(MergePreview? Preview, string? Error)> PreviewAsync(int keepId, int otherId, CancellationToken ct)
    {
        var (keep, other, error) = await LoadAsync(keepId, otherId, tracking: false, ct);
        if (error is not null)
        {
            return (null, error);
        }

        var keepEntry = db.Entry(keep!);
        var otherEntry = db.Entry(other!);
        var fields = new List<MergeField>();
        foreach (var (property, label) in Fields)
        {
            var a = Show(keepEntry.Property(property).CurrentValue);
            var b = Show(otherEntry.Property(property).CurrentValue);
            if (!string.Equals(a, b, StringComparison.Ordinal))
            {
                fields.Add(new MergeField(property, label, a, b));
            }
        }

        var definitions = await db.CustomFields.AsNoTracking().Where(f => !f.IsArchived).OrderBy(f => f.SortOrder).Select(f => new { f.Id, f.Label }).ToListAsync(ct);
        var values = await db.CustomFieldValues.AsNoTracking().Where(v => v.CustomerId == keepId || v.CustomerId == otherId).ToListAsync(ct);
        foreach (var d in definitions)
        {
            var a = values.FirstOrDefault(v => v.CustomerId == keepId && v.FieldId == d.Id)?.Value;
            var b = values.FirstOrDefault(v => v.CustomerId == otherId && v.FieldId == d.Id)?.Value;
            if (!string.Equals(a, b, StringComparison.Ordinal))
            {
                fields.Add(new MergeField($"cf:{d.Id}", d.Label, a, b));
            }
        }

        var tags = await db.CustomerTags.AsNoTracking().Where(t => t.CustomerId == keepId || t.CustomerId == otherId).ToListAsync(ct);
        db.ChangeTracker.Clear();
        return (new MergePreview(
            Candidate(keep!), Candidate(other!), fields,
            [.. tags.Where(t => t.CustomerId == keepId).Select(t => t.Tag).Order(StringComparer.Ordinal)],
            [.. tags.Where(t => t.CustomerId == otherId).Select(t => t.Tag).Order(StringComparer.Ordinal)]), null);
    }

    /// <summary>Merges <paramref name="otherId"/> into <paramref name="keepId"/>, taking the fields in <paramref name="takeFromOther"/> from the other.</summary>
    public async Task<CommandResult> MergeAsync(int keepId, int otherId, IReadOnlyCollection<string> takeFromOther, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (keep, other, error) = await LoadAsync(keepId, otherId, tracking: true, ct);
        if (error is not null)
        {
            return CommandResult.Fail(error);
        }

        var now = clock.GetUtcNow();
        var taken = new List<string>();
        foreach (var (property, _) in Fields.Where(f => takeFromOther.Contains(f.Property)))
        {
            db.Entry(keep!).Property(property).CurrentValue = db.Entry(other!).Property(property).CurrentValue;
            taken.Add(property);
        }

        keep!.SearchName = ContactRules.SearchKey(keep.FirstName, keep.LastName);
        keep.SearchLastName = ContactRules.SearchKey(keep.LastName, keep.FirstName);
        keep.NormalizedEmail = keep.Email?.ToLowerInvariant();
        keep.MemberUserId ??= other!.MemberUserId;
        keep.LastActivityAt = Max(keep.LastActivityAt, other!.LastActivityAt);
        keep.UpdatedAt = now;
        keep.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        if (other.MemberUserId == keep.MemberUserId)
        {
            other.MemberUserId = null; // one portal account belongs to one live customer
        }

        // Custom values: the chosen side wins; values only the other has are kept.
        var values = await db.CustomFieldValues.Where(v => v.CustomerId == keepId || v.CustomerId == otherId).ToListAsync(ct);
        foreach (var theirs in values.Where(v => v.CustomerId == otherId).ToList())
        {
            var mine = values.FirstOrDefault(v => v.CustomerId == keepId && v.FieldId == theirs.FieldId);
            var takeTheirs = mine is null || takeFromOther.Contains($"cf:{theirs.FieldId}");
            if (takeTheirs && mine is not null)
            {
                mine.Value = theirs.Value;
            }
            else if (takeTheirs)
            {
                db.CustomFieldValues.Add(new CustomFieldValue { CustomerId = keepId, FieldId = theirs.FieldId, Value = theirs.Value });
            }

            db.CustomFieldValues.Remove(theirs);
        }

        foreach (var cleared in values.Where(v => v.CustomerId == keepId && takeFromOther.Contains($"cf:{v.FieldId}") && !values.Any(o => o.CustomerId == otherId && o.FieldId == v.FieldId)))
        {
            db.CustomFieldValues.Remove(cleared); // the other's empty value was chosen
        }

        // Tags: union.
        var tags = await db.CustomerTags.Where(t => t.CustomerId == keepId || t.CustomerId == otherId).ToListAsync(ct);
        foreach (var tag in tags.Where(t => t.CustomerId == otherId).ToList())
        {
            if (!tags.Any(t => t.CustomerId == keepId && t.Tag == tag.Tag))
            {
                db.CustomerTags.Add(new CustomerTag { CustomerId = keepId, Tag = tag.Tag });
            }

            db.CustomerTags.Remove(tag);
        }

        other.MergedIntoId = keepId;
        other.UpdatedAt = now;
        other.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        await db.SaveChangesAsync(ct);

        // Related rows move in bulk. Consent records keep their decision, time and source: only their owner changes.
        var interactions = await db.Interactions.Where(i => i.CustomerId == otherId).ExecuteUpdateAsync(s => s.SetProperty(i => i.CustomerId, keepId), ct);
        var consents = await db.ConsentRecords.Where(c => c.CustomerId == otherId).ExecuteUpdateAsync(s => s.SetProperty(c => c.CustomerId, keepId), ct);
        var opportunities = await db.Opportunities.Where(o => o.CustomerId == otherId).ExecuteUpdateAsync(s => s.SetProperty(o => o.CustomerId, keepId), ct);
        var leads = await db.Leads.Where(l => l.ConvertedCustomerId == otherId).ExecuteUpdateAsync(s => s.SetProperty(l => l.ConvertedCustomerId, keepId), ct);
        await db.Customers.Where(c => c.MergedIntoId == otherId).ExecuteUpdateAsync(s => s.SetProperty(c => c.MergedIntoId, keepId), ct);

        db.Audit(keep, "Merged", actor, clock, new { mergedFrom = otherId, fieldsTaken = taken, interactions, consents, opportunities, leads });
        db.Audit(other, "Merged", actor, clock, new { mergedInto = keepId });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return CommandResult.Ok;
    }

    private async Task<(Customer? Keep, Customer? Other, string? Error)> LoadAsync(int keepId, int otherId, bool tracking, CancellationToken ct)
    {
        if (keepId == otherId)
        {
            return (null, null, "A customer cannot be merged into itself.");
        }

        var query = tracking ? db.Customers : db.Customers.AsNoTracking();
        var both = await query.Where(c => c.Id == keepId || c.Id == otherId).ToListAsync(ct);
        var keep = both.FirstOrDefault(c => c.Id == keepId);
        var other = both.FirstOrDefault(c => c.Id == otherId);
        if (keep is null || other is null)
        {
            return (null, null, "One of these customers no longer exists.");
        }

        if (keep.MergedIntoId is not null || other.MergedIntoId is not null)
        {
            return (null, null, "One of these customers was already merged into another record.");
        }

        if (keep.ErasedAt is not null || other.ErasedAt is not null)
        {
            return (null, null, "An erased customer cannot be merged.");
        }

        return (keep, other, null);
    }

    private static MergeCandidate Candidate(Customer c) => new(c.Id, c.DisplayName, c.Email, c.Phone);

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static string? Show(object? value) => value switch
    {
        null => null,
        string s when s.Length == 0 => null,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
