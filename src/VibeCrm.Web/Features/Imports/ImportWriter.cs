using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Crm;
using VibeCrm.Data.Tenants;
using VibeCrm.Web.Features.Customers;

namespace VibeCrm.Web.Features.Imports;

/// <summary>
/// Writes imported rows: each row updates the live record with the same normalized email, else the same phone,
/// else creates one. Writes are therefore upserts, so writing the same rows twice changes nothing more.
/// Only the cells that were mapped and not empty are written over an existing record.
/// </summary>
public sealed class ImportWriter(TenantDbContext db, TimeProvider clock)
{
    /// <summary>For each draft, whether it matches an existing live record (without loading the records).</summary>
    public async Task<bool[]> MatchesAsync(ImportKind kind, IReadOnlyList<ImportDraft> drafts, CancellationToken cancellationToken)
    {
        var (emails, phones) = Keys(drafts);
        var found = kind == ImportKind.Leads
            ? await db.Leads.AsNoTracking().Where(l => emails.Contains(l.NormalizedEmail!) || phones.Contains(l.Phone!))
                .Select(l => new { l.NormalizedEmail, l.Phone }).ToListAsync(cancellationToken)
            : await db.Customers.AsNoTracking().Where(c => c.MergedIntoId == null && (emails.Contains(c.NormalizedEmail!) || phones.Contains(c.Phone!)))
                .Select(c => new { c.NormalizedEmail, c.Phone }).ToListAsync(cancellationToken);
        var foundEmails = found.Select(f => f.NormalizedEmail).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var foundPhones = found.Select(f => f.Phone).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return [.. drafts.Select(d => d.NormalizedEmail is { } e && foundEmails.Contains(e) || d.Phone is { } p && foundPhones.Contains(p))];
    }

    /// <summary>Adds or updates the records of <paramref name="drafts"/> and saves; the caller owns the transaction.</summary>
    public async Task<(int Created, int Updated)> WriteAsync(ImportKind kind, IReadOnlyList<ImportDraft> drafts, CancellationToken cancellationToken)
    {
        var result = kind == ImportKind.Leads
            ? await WriteLeadsAsync(drafts, cancellationToken)
            : await WriteCustomersAsync(drafts, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return result;
    }

    private async Task<(int, int)> WriteCustomersAsync(IReadOnlyList<ImportDraft> drafts, CancellationToken cancellationToken)
    {
        var (emails, phones) = Keys(drafts);
        var existing = await db.Customers.Include(c => c.Tags).Include(c => c.CustomValues).AsSplitQuery()
            .Where(c => c.MergedIntoId == null && (emails.Contains(c.NormalizedEmail!) || phones.Contains(c.Phone!)))
            .OrderBy(c => c.Id)
            .ToListAsync(cancellationToken);
        var byEmail = existing.Where(c => c.NormalizedEmail is not null).GroupBy(c => c.NormalizedEmail!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var byPhone = existing.Where(c => c.Phone is not null).GroupBy(c => c.Phone!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        int created = 0, updated = 0;
        foreach (var draft in drafts)
        {
            var customer = Find(byEmail, draft.NormalizedEmail) ?? Find(byPhone, draft.Phone);
            if (customer is null)
            {
                customer = new Customer { CreatedAt = now, Status = CustomerStatus.Active };
                db.Customers.Add(customer);
                created++;
            }
            else
            {
                customer.ConcurrencyStamp = Guid.NewGuid().ToString("N");
                updated++;
            }

            ApplyCustomer(customer, draft);
            customer.UpdatedAt = now;
        }

        return (created, updated);
    }

    private async Task<(int, int)> WriteLeadsAsync(IReadOnlyList<ImportDraft> drafts, CancellationToken cancellationToken)
    {
        var (emails, phones) = Keys(drafts);
        var existing = await db.Leads.Where(l => emails.Contains(l.NormalizedEmail!) || phones.Contains(l.Phone!)).OrderBy(l => l.Id).ToListAsync(cancellationToken);
        var byEmail = existing.Where(l => l.NormalizedEmail is not null).GroupBy(l => l.NormalizedEmail!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var byPhone = existing.Where(l => l.Phone is not null).GroupBy(l => l.Phone!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        int created = 0, updated = 0;
        foreach (var draft in drafts)
        {
            var lead = Find(byEmail, draft.NormalizedEmail) ?? Find(byPhone, draft.Phone);
            if (lead is null)
            {
                lead = new Lead { CreatedAt = now, Status = LeadStatus.New, Source = LeadSource.Import };
                db.Leads.Add(lead);
                created++;
            }
            else
            {
                lead.ConcurrencyStamp = Guid.NewGuid().ToString("N");
                updated++;
            }

            foreach (var (key, value) in draft.Values)
            {
                switch (key)
                {
                    case ImportFields.FirstName: lead.FirstName = value; break;
                    case ImportFields.LastName: lead.LastName = value; break;
                    case ImportFields.Email: lead.Email = value; lead.NormalizedEmail = ContactRules.NormalizeEmail(value); break;
                    case ImportFields.Phone: lead.Phone = value; break;
                    case "company": lead.Company = value; break;
                    case "source": lead.Source = Enum.Parse<LeadSource>(value); break;
                    case "notes": lead.Notes = value; break;
                }
            }

            lead.UpdatedAt = now;
        }

        return (created, updated);
    }

    /// <summary>Copies the draft's values onto the customer, with the same normalization as the customer forms.</summary>
    public static void ApplyCustomer(Customer customer, ImportDraft draft)
    {
        foreach (var (key, value) in draft.Values)
        {
            switch (key)
            {
                case ImportFields.FirstName: customer.FirstName = value; break;
                case ImportFields.LastName: customer.LastName = value; break;
                case ImportFields.Email: customer.Email = value; customer.NormalizedEmail = ContactRules.NormalizeEmail(value); break;
                case ImportFields.Phone: customer.Phone = value; break;
                case "birthday": customer.Birthday = DateOnly.ParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture); break;
                case "gender": customer.Gender = value; break;
                case "address": customer.AddressLine = value; break;
                case "city": customer.City = value; break;
                case "postal_code": customer.PostalCode = value; break;
                case "country": customer.Country = value; break;
                case "language": customer.Language = value; break;
                case "notes": customer.Notes = value; break;
                case "status": customer.Status = Enum.Parse<CustomerStatus>(value); break;
                case "preferred_channel": customer.PreferredChannel = Enum.Parse<ContactChannel>(value); break;
                case "instagram": customer.Instagram = value; break;
                case "facebook": customer.Facebook = value; break;
                case "x": customer.XHandle = value; break;
                case "tiktok": customer.TikTok = value; break;
                case "linkedin": customer.LinkedIn = value; break;
            }
        }

        customer.SearchName = ContactRules.SearchKey(customer.FirstName, customer.LastName);
        customer.SearchLastName = ContactRules.SearchKey(customer.LastName, customer.FirstName);
        foreach (var tag in draft.Tags.Where(t => !customer.Tags.Exists(x => x.Tag == t)))
        {
            customer.Tags.Add(new CustomerTag { Tag = tag });
        }

        foreach (var (fieldId, value) in draft.Custom)
        {
            if (customer.CustomValues.Find(v => v.FieldId == fieldId) is { } existing)
            {
                existing.Value = value;
            }
            else
            {
                customer.CustomValues.Add(new CustomFieldValue { FieldId = fieldId, Value = value });
            }
        }
    }

    private static T? Find<T>(Dictionary<string, T> index, string? key)
        where T : class => key is not null && index.TryGetValue(key, out var value) ? value : null;

    private static (List<string> Emails, List<string> Phones) Keys(IReadOnlyList<ImportDraft> drafts) =>
        ([.. drafts.Select(d => d.NormalizedEmail).OfType<string>().Distinct(StringComparer.Ordinal)],
         [.. drafts.Select(d => d.Phone).OfType<string>().Distinct(StringComparer.Ordinal)]);
}
