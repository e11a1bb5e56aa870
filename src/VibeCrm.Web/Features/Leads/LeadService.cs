using VibeCrm.Web.Features.Staff;
using Microsoft.EntityFrameworkCore;
using VibeCrm.Data;
using VibeCrm.Data.Crm;
using VibeCrm.Data.Tenants;
using VibeCrm.Web.Features.Customers;
using VibeCrm.Web.Features.Opportunities;

namespace VibeCrm.Web.Features.Leads;

/// <summary>What the lead form sends. Field errors are keyed by these property names.</summary>
public sealed class LeadForm
{
    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string? Company { get; set; }

    public LeadSource Source { get; set; } = LeadSource.WalkIn;

    public LeadStatus Status { get; set; } = LeadStatus.New;

    public string? OwnerUserId { get; set; }

    public string? Notes { get; set; }

    /// <summary>Save even though another lead or customer has the same email or phone.</summary>
    public bool AllowDuplicate { get; set; }
}

/// <summary>Another record with the same email or phone.</summary>
public sealed record DuplicateMatch(bool IsCustomer, int Id, string Name, string? Email, string? Phone);

public sealed record LeadSaveResult(int? Id, IReadOnlyDictionary<string, string> Errors, IReadOnlyList<DuplicateMatch> Duplicates)
{
    public bool Succeeded => Id is not null;
}

public sealed record ConversionResult(CommandResult Result, int? CustomerId);

/// <summary>Creates and edits leads, changes their status and converts them to customers.</summary>
public sealed class LeadService(TenantDbContext db, LeadScoringService scoring, StaffOptions staff, IAuditActor actor, TimeProvider clock)
{
    public static readonly LeadStatus[] SettableStatuses = [LeadStatus.New, LeadStatus.Contacted, LeadStatus.Qualified, LeadStatus.Disqualified];

    public async Task<LeadForm?> LoadFormAsync(int id, CancellationToken cancellationToken) =>
        await db.Leads.AsNoTracking().Where(l => l.Id == id)
            .Select(l => new LeadForm
            {
                FirstName = l.FirstName,
                LastName = l.LastName,
                Email = l.Email,
                Phone = l.Phone,
                Company = l.Company,
                Source = l.Source,
                Status = l.Status,
                OwnerUserId = l.OwnerUserId,
                Notes = l.Notes,
            })
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Creates (id null) or updates a lead, then recomputes its score.</summary>
    public async Task<LeadSaveResult> SaveAsync(int? id, LeadForm form, string? region, CancellationToken cancellationToken)
    {
        Lead? lead = null;
        if (id is not null)
        {
            lead = await db.Leads.FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
            if (lead is null)
            {
                return Invalid(new Dictionary<string, string> { [""] = "That lead no longer exists." });
            }
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var first = Clean(form.FirstName, 100, nameof(form.FirstName), "first name", errors);
        var last = Clean(form.LastName, 100, nameof(form.LastName), "last name", errors);
        var company = Clean(form.Company, 200, nameof(form.Company), "company", errors);
        var notes = Clean(form.Notes, 4000, nameof(form.Notes), "notes", errors);
        var (email, emailError) = ContactRules.Email(form.Email);
        if (emailError is not null)
        {
            errors[nameof(form.Email)] = emailError;
        }
        else if (email?.Length > 256)
        {
            errors[nameof(form.Email)] = "The email has at most 256 characters.";
        }

        var (phone, phoneError) = ContactRules.Phone(form.Phone, region);
        if (phoneError is not null)
        {
            errors[nameof(form.Phone)] = phoneError;
        }

        if (first is null && last is null)
        {
            errors.TryAdd(nameof(form.FirstName), "A lead needs a name.");
        }

        if (email is null && phone is null && emailError is null && phoneError is null)
        {
            errors[nameof(form.Email)] = "A lead needs an email or a phone number.";
        }

        if (!Enum.IsDefined(form.Source))
        {
            errors[nameof(form.Source)] = "Choose a source.";
        }

        var status = lead?.Status == LeadStatus.Converted ? LeadStatus.Converted : form.Status;
        if (lead?.Status != LeadStatus.Converted && !SettableStatuses.Contains(form.Status))
        {
            errors[nameof(form.Status)] = "A lead becomes Converted only by converting it to a customer.";
        }

        if (!string.IsNullOrWhiteSpace(form.OwnerUserId) && !await staff.IsActiveStaffAsync(form.OwnerUserId, cancellationToken))
        {
            errors[nameof(form.OwnerUserId)] = "Choose an active staff member as owner.";
        }

        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        var duplicates = await FindDuplicatesAsync(email, phone, id, cancellationToken);
        if (duplicates.Count > 0 && !form.AllowDuplicate)
        {
            return new LeadSaveResult(null, new Dictionary<string, string>(), duplicates);
        }

        var now = clock.GetUtcNow();
        if (lead is null)
        {
            lead = new Lead { CreatedAt = now };
            db.Leads.Add(lead);
        }

        lead.FirstName = first ?? "";
        lead.LastName = last ?? "";
        lead.Email = email;
        lead.NormalizedEmail = ContactRules.NormalizeEmail(email);
        lead.Phone = phone;
        lead.Company = company;
        lead.Source = form.Source;
        lead.Status = status;
        lead.OwnerUserId = string.IsNullOrWhiteSpace(form.OwnerUserId) ? null : form.OwnerUserId;
        lead.Notes = notes;
        lead.UpdatedAt = now;
        lead.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        await db.SaveChangesAsync(cancellationToken);
        await scoring.RecomputeAsync(lead.Id, cancellationToken);
        return new LeadSaveResult(lead.Id, new Dictionary<string, string>(), duplicates);
    }

    /// <summary>Leads (other than <paramref name="exceptLeadId"/>) and live customers with the same normalized email or E.164 phone.</summary>
    public async Task<IReadOnlyList<DuplicateMatch>> FindDuplicatesAsync(string? email, string? phone, int? exceptLeadId, CancellationToken cancellationToken)
    {
        var normalized = ContactRules.NormalizeEmail(email);
        if (normalized is null && phone is null)
        {
            return [];
        }

        var customers = await db.Customers.AsNoTracking()
            .Where(c => c.MergedIntoId == null && c.ErasedAt == null && ((normalized != null && c.NormalizedEmail == normalized) || (phone != null && c.Phone == phone)))
            .OrderBy(c => c.Id).Take(10)
            .Select(c => new { c.Id, c.FirstName, c.LastName, c.Email, c.Phone }).ToListAsync(cancellationToken);
        var leads = await db.Leads.AsNoTracking()
            .Where(l => l.Id != exceptLeadId && ((normalized != null && l.NormalizedEmail == normalized) || (phone != null && l.Phone == phone)))
            .OrderBy(l => l.Id).Take(10)
            .Select(l => new { l.Id, l.FirstName, l.LastName, l.Email, l.Phone }).ToListAsync(cancellationToken);
        return
        [
            .. customers.Select(c => new DuplicateMatch(true, c.Id, Parties.Describe(c.FirstName, c.LastName, c.Email, c.Phone, null), c.Email, c.Phone)),
            .. leads.Select(l => new DuplicateMatch(false, l.Id, Parties.Describe(l.FirstName, l.LastName, l.Email, l.Phone, null), l.Email, l.Phone)),
        ];
    }

    public async Task<CommandResult> SetStatusAsync(int id, LeadStatus status, CancellationToken cancellationToken)
    {
        if (!SettableStatuses.Contains(status))
        {
            return CommandResult.Fail("A lead becomes Converted only by converting it to a customer.");
        }

        var lead = await db.Leads.FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (lead is null)
        {
            return CommandResult.Fail("That lead no longer exists.");
        }

        if (lead.Status == LeadStatus.Converted)
        {
            return CommandResult.Fail("This lead was converted to a customer; its status no longer changes.");
        }

        var now = clock.GetUtcNow();
        lead.Status = status;
        if (status == LeadStatus.Contacted && (lead.LastContactedAt is null || lead.LastContactedAt < now))
        {
            lead.LastContactedAt = now;
        }

        lead.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await scoring.RecomputeAsync(id, cancellationToken);
        return CommandResult.Ok;
    }

    /// <summary>Live customers with the lead's email or phone: the candidates to link to instead of creating a new customer.</summary>
    public async Task<IReadOnlyList<DuplicateMatch>> MatchingCustomersAsync(int leadId, CancellationToken cancellationToken)
    {
        var lead = await db.Leads.AsNoTracking().Where(l => l.Id == leadId).Select(l => new { l.Email, l.Phone }).FirstOrDefaultAsync(cancellationToken);
        return lead is null ? [] : [.. (await FindDuplicatesAsync(lead.Email, lead.Phone, leadId, cancellationToken)).Where(d => d.IsCustomer)];
    }

    /// <summary>
    /// Turns the lead into a customer: a new one, or <paramref name="linkToCustomerId"/> (which must share its email or phone).
    /// The lead's interactions and opportunities move to the customer and keep their LeadId for history.
    /// </summary>
    public async Task<ConversionResult> ConvertAsync(int leadId, int? linkToCustomerId, CancellationToken cancellationToken)
    {
        var lead = await db.Leads.FirstOrDefaultAsync(l => l.Id == leadId, cancellationToken);
        if (lead is null)
        {
            return new ConversionResult(CommandResult.Fail("That lead no longer exists."), null);
        }

        if (lead.Status == LeadStatus.Converted || lead.ConvertedCustomerId is not null)
        {
            return new ConversionResult(CommandResult.Fail("This lead was already converted to a customer."), lead.ConvertedCustomerId);
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        Customer customer;
        if (linkToCustomerId is { } existingId)
        {
            var matches = await MatchingCustomersAsync(leadId, cancellationToken);
            if (matches.All(m => m.Id != existingId))
            {
                return new ConversionResult(CommandResult.Fail("Link the lead only to a customer with the same email or phone."), null);
            }

            customer = await db.Customers.FirstAsync(c => c.Id == existingId, cancellationToken);
        }
        else
        {
            customer = new Customer
            {
                FirstName = lead.FirstName,
                LastName = lead.LastName,
                SearchName = ContactRules.SearchKey(lead.FirstName, lead.LastName),
                SearchLastName = ContactRules.SearchKey(lead.LastName, lead.FirstName),
                Email = lead.Email,
                NormalizedEmail = lead.NormalizedEmail,
                Phone = lead.Phone,
                Notes = string.Join("\n", new[] { lead.Company is null ? null : "Company: " + lead.Company, lead.Notes }.Where(n => n is not null)) is { Length: > 0 } n ? n : null,
                OwnerUserId = lead.OwnerUserId,
                Status = CustomerStatus.Active,
                CreatedAt = now,
                UpdatedAt = now,
                LastActivityAt = lead.LastContactedAt,
            };
            db.Customers.Add(customer);
            await db.SaveChangesAsync(cancellationToken);
        }

        var interactions = await db.Interactions.Where(i => i.LeadId == leadId)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.CustomerId, customer.Id), cancellationToken);
        var opportunities = await db.Opportunities.Where(o => o.LeadId == leadId)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.CustomerId, customer.Id), cancellationToken);
        lead.Status = LeadStatus.Converted;
        lead.ConvertedAt = now;
        lead.ConvertedCustomerId = customer.Id;
        lead.UpdatedAt = now;
        db.Audit(lead, "Converted", actor, clock, new { CustomerId = customer.Id, Linked = linkToCustomerId is not null, Interactions = interactions, Opportunities = opportunities });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await scoring.RecomputeAsync(leadId, cancellationToken);
        return new ConversionResult(CommandResult.Ok, customer.Id);
    }

    private static LeadSaveResult Invalid(Dictionary<string, string> errors) => new(null, errors, []);

    private static string? Clean(string? value, int max, string field, string label, Dictionary<string, string> errors)
    {
        var trimmed = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (trimmed?.Length > max)
        {
            errors[field] = $"The {label} has at most {max} characters.";
        }

        return trimmed;
    }
}
