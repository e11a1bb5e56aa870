using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using VibeCrm.Data;
using VibeCrm.Data.Crm;
using VibeCrm.Data.Tenants;

namespace VibeCrm.Web.Features.Customers;

/// <summary>GDPR: export everything held about one customer, and erase (anonymise in place) on request.</summary>
public sealed class CustomerPrivacyService(TenantDbContext db, ConsentService consents, IAuditActor actor, TimeProvider clock)
{
    public const string ErasedName = "Erased";
    public const string ErasedNote = "erased on request";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>The customer's data as an indented JSON document, or null when the customer does not exist.</summary>
    public async Task<byte[]?> ExportAsync(int customerId, CancellationToken ct)
    {
        var c = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == customerId && c.MergedIntoId == null, ct);
        if (c is null)
        {
            return null;
        }

        var customFields = await (
            from v in db.CustomFieldValues.AsNoTracking().Where(v => v.CustomerId == customerId)
            join f in db.CustomFields on v.FieldId equals f.Id
            orderby f.SortOrder
            select new { f.Key, f.Label, v.Value })
            .ToListAsync(ct);
        var tags = await db.CustomerTags.AsNoTracking().Where(t => t.CustomerId == customerId).OrderBy(t => t.Tag).Select(t => t.Tag).ToListAsync(ct);
        var consentHistory = await db.ConsentRecords.AsNoTracking().Where(r => r.CustomerId == customerId).OrderBy(r => r.RecordedAt).ThenBy(r => r.Id)
            .Select(r => new { channel = r.Channel.ToString(), r.Granted, source = r.Source.ToString(), r.RecordedAt, r.Note })
            .ToListAsync(ct);
        var interactions = await db.Interactions.AsNoTracking().Where(i => i.CustomerId == customerId).OrderBy(i => i.OccurredAt).ThenBy(i => i.Id)
            .Select(i => new
            {
                i.Id, type = i.Type.ToString(), direction = i.Direction.ToString(), i.OccurredAt, i.DurationMinutes, i.Subject, i.Body, i.Outcome,
                i.FollowUpOn, ticketStatus = i.TicketStatus.ToString(), ticketPriority = i.TicketPriority.ToString(),
            })
            .ToListAsync(ct);
        var opportunities = await (
            from o in db.Opportunities.AsNoTracking().Where(o => o.CustomerId == customerId)
            join s in db.PipelineStages on o.StageId equals s.Id
            orderby o.CreatedAt
            select new { o.Id, o.Title, o.Amount, o.Currency, stage = s.Name, o.Probability, o.ExpectedCloseOn, o.CreatedAt, o.ClosedAt, o.LostReason })
            .ToListAsync(ct);
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(Customer) && a.EntityId == customerId).OrderBy(a => a.At).ThenBy(a => a.Id)
            .Select(a => new { a.Action, a.At, a.UserName, changes = a.ChangesJson })
            .ToListAsync(ct);
        var current = await consents.CurrentAsync(customerId, ct);

        var document = new
        {
            exportedAt = clock.GetUtcNow(),
            profile = new
            {
                c.Id, c.FirstName, c.LastName, c.Email, c.Phone, c.Birthday, c.Gender, c.AddressLine, c.City, c.PostalCode, c.Country,
                c.Language, c.TimeZoneId, preferredChannel = c.PreferredChannel?.ToString(), c.PreferredStore, c.PreferredCategories,
                c.Instagram, c.Facebook, c.XHandle, c.TikTok, c.LinkedIn, c.Notes, status = c.Status.ToString(), c.CreatedAt, c.UpdatedAt,
                c.LastActivityAt, c.ErasedAt,
            },
            customFields,
            tags,
            consents = new
            {
                current = current.ToDictionary(p => p.Key.ToString(), p => p.Value.IsKnown ? (p.Value.Granted ? "granted" : "withdrawn") : "unknown"),
                history = consentHistory,
            },
            interactions,
            opportunities,
            auditEntries = audit,
        };
        return JsonSerializer.SerializeToUtf8Bytes(document, Json);
    }

    /// <summary>
    /// Anonymises the customer in place. Rows that feed counts and aggregates (interactions, opportunities, consent history) are kept;
    /// their personal content is cleared. Written with bulk updates so the audit trail does not copy the erased values, and the
    /// values older audit entries recorded are removed too.
    /// </summary>
    public async Task<CommandResult> EraseAsync(int customerId, string? confirmation, CancellationToken ct)
    {
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == customerId && c.MergedIntoId == null, ct);
        if (customer is null)
        {
            return CommandResult.Fail("That customer no longer exists.");
        }

        if (customer.ErasedAt is not null)
        {
            return CommandResult.Fail("This customer was already erased.");
        }

        if (!string.Equals(ContactRules.SearchKey(confirmation), ContactRules.SearchKey(customer.DisplayName), StringComparison.Ordinal))
        {
            return CommandResult.Fail($"Type the customer's name exactly (“{customer.DisplayName}”) to confirm.");
        }

        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Customers.Where(c => c.Id == customerId).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.FirstName, ErasedName)
            .SetProperty(c => c.LastName, "")
            .SetProperty(c => c.SearchName, "erased")
            .SetProperty(c => c.SearchLastName, "erased")
            .SetProperty(c => c.Email, (string?)null)
            .SetProperty(c => c.NormalizedEmail, (string?)null)
            .SetProperty(c => c.Phone, (string?)null)
            .SetProperty(c => c.Birthday, (DateOnly?)null)
            .SetProperty(c => c.Gender, (string?)null)
            .SetProperty(c => c.AddressLine, (string?)null)
            .SetProperty(c => c.City, (string?)null)
            .SetProperty(c => c.PostalCode, (string?)null)
            .SetProperty(c => c.Country, (string?)null)
            .SetProperty(c => c.Instagram, (string?)null)
            .SetProperty(c => c.Facebook, (string?)null)
            .SetProperty(c => c.XHandle, (string?)null)
            .SetProperty(c => c.TikTok, (string?)null)
            .SetProperty(c => c.LinkedIn, (string?)null)
            .SetProperty(c => c.Notes, (string?)null)
            .SetProperty(c => c.ErasedAt, now)
            .SetProperty(c => c.UpdatedAt, now)
            .SetProperty(c => c.ConcurrencyStamp, Guid.NewGuid().ToString("N")), ct);
        await db.CustomFieldValues.Where(v => v.CustomerId == customerId).ExecuteDeleteAsync(ct);
        await db.CustomerTags.Where(t => t.CustomerId == customerId).ExecuteDeleteAsync(ct);
        var interactionIds = db.Interactions.Where(i => i.CustomerId == customerId).Select(i => i.Id);
        var kept = await db.Interactions.Where(i => i.CustomerId == customerId)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Body, (string?)null).SetProperty(i => i.Outcome, (string?)null), ct);

        // Earlier audit entries hold old and new values of the profile and of the interactions: drop those values.
        await db.AuditEntries.Where(a => (a.EntityType == nameof(Customer) && a.EntityId == customerId)
                || (a.EntityType == nameof(Interaction) && interactionIds.Contains(a.EntityId)))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.ChangesJson, (string?)null), ct);

        var current = await consents.CurrentAsync(customerId, ct);
        foreach (var (channel, state) in current)
        {
            if (!state.IsKnown || state.Granted)
            {
                await consents.RecordAsync(customerId, channel, false, RecordSource.Staff, ErasedNote, actor.UserId, ct, save: false);
            }
        }

        customer.ErasedAt = now;
        db.Audit(customer, "Erased", actor, clock, new { interactionsKept = kept });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return CommandResult.Ok;
    }
}
