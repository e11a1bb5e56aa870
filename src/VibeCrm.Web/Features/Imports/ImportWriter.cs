using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Crm;
using VibeCrm.Data.Tenants;
using VibeCrm.Web.Features.Customers;
using VibeCrm.Web.Features.Leads;

namespace VibeCrm.Web.Features.Imports;

/// <summary>
/// Writes imported rows in batches: each row updates the live record with the same normalized email, else the same
/// phone (<see cref="CustomerMatcher"/>, the rule the POS upsert uses too), else creates one. Writes are therefore
/// upserts, so writing the same rows twice changes nothing more; a matched record whose values are already those of
/// the row is not written at all. Only the cells that were mapped and not empty are written over an existing record.
/// One query per batch finds the matches; the caller owns the transaction and the audit (one summary entry per import).
/// </summary>
public sealed class ImportWriter(TenantDbContext db, LeadScoringService scoring, TimeProvider clock)
{
    /// <summary>For each draft, whether it matches an existing live record (without loading the records).</summary>
    public async Task<bool[]> MatchesAsync(ImportKind kind, IReadOnlyList<ImportDraft> drafts, CancellationToken cancellationToken)
    {
        var (emails, phones) = Keys(drafts);
        var found = kind == ImportKind.Leads
            ? await MatchingLeads(emails, phones).AsNoTracking().Select(l => new { l.NormalizedEmail, l.Phone }).ToListAsync(cancellationToken)
            : await MatchingCustomers(await CustomerMatcher.MatchingIdsAsync(db, emails, phones, cancellationToken))
                .Select(c => new { c.NormalizedEmail, c.Phone }).ToListAsync(cancellationToken);
        var foundEmails = found.Select(f => f.NormalizedEmail).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var foundPhones = found.Select(f => f.Phone).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return [.. drafts.Select(d => d.NormalizedEmail is { } e && foundEmails.Contains(e) || d.Phone is { } p && foundPhones.Contains(p))];
    }

    /// <summary>Adds or updates the records of <paramref name="drafts"/> and saves; the caller owns the transaction.</summary>
    public async Task<(int Created, int Updated)> WriteAsync(ImportKind kind, IReadOnlyList<ImportDraft> drafts, CancellationToken cancellationToken)
    {
        if (kind == ImportKind.Leads)
        {
            return await WriteLeadsAsync(drafts, cancellationToken);
        }

        var result = await WriteCustomersAsync(drafts, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return result;
    }

    private async Task<(int, int)> WriteCustomersAsync(IReadOnlyList<ImportDraft> drafts, CancellationToken cancellationToken)
    {
        var matcher = await CustomerMatcher.LoadAsync(db, drafts.Select(d => d.NormalizedEmail), drafts.Select(d => d.Phone), cancellationToken);
        var now = clock.GetUtcNow();
        int created = 0, updated = 0;
        foreach (var draft in drafts)
        {
            var customer = matcher.Find(draft.NormalizedEmail, draft.Phone);
            if (customer is null)
            {
                customer = new Customer { CreatedAt = now, UpdatedAt = now, Status = CustomerStatus.Active };
                ApplyCustomer(customer, draft);
                db.Customers.Add(customer);
                matcher.Add(customer);
                created++;
                continue;
            }

            var related = ApplyCustomer(customer, draft);
            var entry = db.Entry(customer);
            entry.DetectChanges();
            if (related || entry.Properties.Any(p => p.IsModified))
            {
                customer.ConcurrencyStamp = Guid.NewGuid().ToString("N");
                customer.UpdatedAt = now;
            }

            updated++;
        }

        return (created, updated);
    }

    private async Task<(int, int)> WriteLeadsAsync(IReadOnlyList<ImportDraft> drafts, CancellationToken cancellationToken)
    {
        var (emails, phones) = Keys(drafts);
        var existing = await MatchingLeads(emails, phones).OrderBy(l => l.Id).ToListAsync(cancellationToken);
        var byEmail = existing.Where(l => l.NormalizedEmail is not null).GroupBy(l => l.NormalizedEmail!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var byPhone = existing.Where(l => l.Phone is not null).GroupBy(l => l.Phone!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        int created = 0, updated = 0;
        var written = new List<Lead>(drafts.Count);
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
            written.Add(lead);
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();

        // Profile fields and source are inputs of the lead score.
        await scoring.RecomputeAsync([.. written.Select(l => l.Id)], cancellationToken);
        return (created, updated);
    }

    /// <summary>
    /// Copies the draft's values onto the customer, with the same normalization as the customer forms; returns whether
    /// a tag was added or a custom value added or changed (changes of the customer's own columns are left to the change tracker).
    /// </summary>
    public static bool ApplyCustomer(Customer customer, ImportDraft draft)
    {
        var related = false;
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
            related = true;
        }

        foreach (var (fieldId, value) in draft.Custom)
        {
            if (customer.CustomValues.Find(v => v.FieldId == fieldId) is { } existing)
            {
                related |= !string.Equals(existing.Value, value, StringComparison.Ordinal);
                existing.Value = value;
            }
            else
            {
                customer.CustomValues.Add(new CustomFieldValue { FieldId = fieldId, Value = value });
                related = true;
            }
        }

        return related;
    }

    private IQueryable<Customer> MatchingCustomers(List<int> ids) => db.Customers.AsNoTracking().Where(c => ids.Contains(c.Id));

    /// <summary>Leads with one of the emails or phones: a union of two index lookups (see <see cref="CustomerMatcher.MatchingIdsAsync"/>).</summary>
    private IQueryable<Lead> MatchingLeads(List<string> emails, List<string> phones) =>
        db.Leads.Where(l => emails.Contains(l.NormalizedEmail!)).Union(db.Leads.Where(l => phones.Contains(l.Phone!)));

    private static T? Find<T>(Dictionary<string, T> index, string? key)
        where T : class => key is not null && index.TryGetValue(key, out var value) ? value : null;

    private static (List<string> Emails, List<string> Phones) Keys(IReadOnlyList<ImportDraft> drafts) =>
        ([.. drafts.Select(d => d.NormalizedEmail).OfType<string>().Distinct(StringComparer.Ordinal)],
         [.. drafts.Select(d => d.Phone).OfType<string>().Distinct(StringComparer.Ordinal)]);
}
