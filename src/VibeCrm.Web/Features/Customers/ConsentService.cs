using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Crm;
using VibeCrm.Data.Tenants;

namespace VibeCrm.Web.Features.Customers;

/// <summary>The current consent of one channel; <see cref="RecordedAt"/> is null when the customer was never asked.</summary>
public sealed record ConsentState(bool Granted, DateTimeOffset? RecordedAt, RecordSource? Source)
{
    public static readonly ConsentState Unknown = new(false, null, null);

    public bool IsKnown => RecordedAt is not null;
}

public sealed record ConsentHistoryRow(long Id, ContactChannel Channel, bool Granted, RecordSource Source, DateTimeOffset RecordedAt, string? RecordedBy, string? Note);

public static class ConsentLabels
{
    public static readonly IReadOnlyList<ContactChannel> Channels = [ContactChannel.Email, ContactChannel.Sms, ContactChannel.Push, ContactChannel.DirectMail];

    public static string Channel(ContactChannel channel) => channel switch
    {
        ContactChannel.Email => "Email",
        ContactChannel.Sms => "SMS",
        ContactChannel.Push => "Push",
        ContactChannel.DirectMail => "Direct mail",
        _ => channel.ToString(),
    };

    public static string Source(RecordSource source) => source switch
    {
        RecordSource.Staff => "staff",
        RecordSource.Portal => "member portal",
        RecordSource.Pos => "point of sale",
        RecordSource.Import => "import",
        _ => source.ToString(),
    };
}

/// <summary>
/// Consent per channel, append-only: every grant or withdrawal is a new <see cref="ConsentRecord"/>; the current state is the
/// latest record of each channel. Records are never updated or deleted. Used by the customer page, the portal, the POS and imports.
/// </summary>
public sealed class ConsentService(TenantDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyDictionary<ContactChannel, ConsentState>> CurrentAsync(int customerId, CancellationToken ct)
    {
        var latest = await db.ConsentRecords.AsNoTracking()
            .Where(c => c.CustomerId == customerId)
            .GroupBy(c => c.Channel)
            .Select(g => g.OrderByDescending(c => c.RecordedAt).ThenByDescending(c => c.Id).Select(c => new { c.Channel, c.Granted, c.RecordedAt, c.Source }).First())
            .ToListAsync(ct);
        return ConsentLabels.Channels.ToDictionary(
            channel => channel,
            channel => latest.FirstOrDefault(l => l.Channel == channel) is { } l ? new ConsentState(l.Granted, l.RecordedAt, l.Source) : ConsentState.Unknown);
    }

    public async Task<IReadOnlyList<ConsentHistoryRow>> HistoryAsync(int customerId, CancellationToken ct)
    {
        var rows = await (
            from c in db.ConsentRecords.AsNoTracking().Where(c => c.CustomerId == customerId)
            join u in db.Users on c.RecordedByUserId equals u.Id into staff
            from u in staff.DefaultIfEmpty()
            orderby c.RecordedAt descending, c.Id descending
            select new { c.Id, c.Channel, c.Granted, c.Source, c.RecordedAt, c.Note, FirstName = u != null ? u.FirstName : null, LastName = u != null ? u.LastName : null })
            .Take(500)
            .ToListAsync(ct);
        return [.. rows.Select(r => new ConsentHistoryRow(r.Id, r.Channel, r.Granted, r.Source, r.RecordedAt, r.FirstName is null ? null : $"{r.FirstName} {r.LastName}".Trim(), r.Note))];
    }

    /// <summary>Records a grant or a withdrawal. Saved at once unless <paramref name="save"/> is false (callers inside a larger unit of work).</summary>
    public async Task<CommandResult> RecordAsync(
        int customerId, ContactChannel channel, bool granted, RecordSource source, string? note, string? staffUserId, CancellationToken ct, bool save = true)
    {
        if (!Enum.IsDefined(channel) || !Enum.IsDefined(source))
        {
            return CommandResult.Fail("Choose a channel and a source.");
        }

        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note is { Length: > 500 })
        {
            return CommandResult.Fail("The note can be at most 500 characters.");
        }

        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == customerId).Select(c => new { c.MergedIntoId, c.ErasedAt }).FirstOrDefaultAsync(ct);
        if (customer is null || customer.MergedIntoId is not null)
        {
            return CommandResult.Fail("That customer no longer exists.");
        }

        if (granted && customer.ErasedAt is not null)
        {
            return CommandResult.Fail("This customer was erased on request; consent cannot be granted again.");
        }

        db.ConsentRecords.Add(new ConsentRecord
        {
            CustomerId = customerId,
            Channel = channel,
            Granted = granted,
            Source = source,
            Note = note,
            RecordedByUserId = staffUserId,
            RecordedAt = clock.GetUtcNow(),
        });
        if (save)
        {
            await db.SaveChangesAsync(ct);
        }

        return CommandResult.Ok;
    }
}
