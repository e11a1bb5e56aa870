using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Crm;
using VibeCrm.Data.Tenants;

namespace VibeCrm.Web.Features.Customers;

public sealed record CustomFieldDisplay(string Label, CustomFieldType Type, string? Value);

public sealed record OpenOpportunityRow(int Id, string Title, string StageName, decimal Amount, string Currency, int Probability);

public sealed record OpenWorkRow(int InteractionId, InteractionType Type, string Subject, DateOnly? FollowUpOn, TicketStatus? TicketStatus, Priority? TicketPriority);

public sealed record CustomerProfile(
    Customer Customer,
    string? OwnerName,
    IReadOnlyList<string> Tags,
    IReadOnlyList<CustomFieldDisplay> CustomFields,
    IReadOnlyList<OpenOpportunityRow> Opportunities,
    IReadOnlyList<OpenWorkRow> OpenWork,
    int InteractionCount);

/// <summary>Where an id leads: a live customer, the survivor of a merge, or nothing.</summary>
public sealed record CustomerLookup(bool Exists, int? MergedIntoId);

/// <summary>The 360° header of one customer: profile, tags, custom fields, open opportunities and open work.</summary>
public sealed class CustomerProfileQueries(TenantDbContext db)
{
    /// <summary>Follows merges to the surviving record (chains are short: merges repoint earlier losers).</summary>
    public async Task<CustomerLookup> LookupAsync(int id, CancellationToken ct)
    {
        for (var hop = 0; hop < 10; hop++)
        {
            var row = await db.Customers.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.MergedIntoId }).FirstOrDefaultAsync(ct);
            if (row is null)
            {
                return new CustomerLookup(false, null);
            }

            if (row.MergedIntoId is null)
            {
                return new CustomerLookup(true, hop == 0 ? null : id);
            }

            id = row.MergedIntoId.Value;
        }

        return new CustomerLookup(false, null);
    }

    public async Task<CustomerProfile?> GetAsync(int id, CancellationToken ct)
    {
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id && c.MergedIntoId == null, ct);
        if (customer is null)
        {
            return null;
        }

        var owner = customer.OwnerUserId is null ? null : await db.Users.AsNoTracking().Where(u => u.Id == customer.OwnerUserId)
            .Select(u => (u.FirstName + " " + u.LastName).Trim()).FirstOrDefaultAsync(ct);
        var tags = await db.CustomerTags.AsNoTracking().Where(t => t.CustomerId == id).OrderBy(t => t.Tag).Select(t => t.Tag).ToListAsync(ct);
        var fields = await (
            from f in db.CustomFields.AsNoTracking().Where(f => !f.IsArchived)
            join v in db.CustomFieldValues.Where(v => v.CustomerId == id) on f.Id equals v.FieldId into values
            from v in values.DefaultIfEmpty()
            orderby f.SortOrder, f.Label
            select new CustomFieldDisplay(f.Label, f.Type, v != null ? v.Value : null))
            .ToListAsync(ct);
        var opportunities = await (
            from o in db.Opportunities.AsNoTracking().Where(o => o.CustomerId == id)
            join s in db.PipelineStages on o.StageId equals s.Id
            where s.Kind == StageKind.Open
            orderby s.SortOrder, o.Id
            select new OpenOpportunityRow(o.Id, o.Title, s.Name, o.Amount, o.Currency, o.Probability ?? s.DefaultProbability))
            .Take(50)
            .ToListAsync(ct);
        var openWork = await db.Interactions.AsNoTracking()
            .Where(i => i.CustomerId == id
                && ((i.FollowUpOn != null && i.FollowUpDoneAt == null)
                    || (i.Type == InteractionType.Ticket && (i.TicketStatus == TicketStatus.Open || i.TicketStatus == TicketStatus.Pending))))
            .OrderBy(i => i.FollowUpOn).ThenByDescending(i => i.OccurredAt)
            .Take(50)
            .Select(i => new OpenWorkRow(i.Id, i.Type, i.Subject, i.FollowUpOn, i.TicketStatus, i.TicketPriority))
            .ToListAsync(ct);
        var interactionCount = await db.Interactions.CountAsync(i => i.CustomerId == id, ct);
        return new CustomerProfile(customer, owner, tags, fields, opportunities, openWork, interactionCount);
    }
}
