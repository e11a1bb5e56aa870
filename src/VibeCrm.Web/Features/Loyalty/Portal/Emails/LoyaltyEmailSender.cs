using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VibeCrm.Data.Crm;
using VibeCrm.Data.Identity;
using VibeCrm.Data.Loyalty;
using VibeCrm.Data.Tenants;
using VibeCrm.Tenancy;
using VibeCrm.Web.Infrastructure.Email;

namespace VibeCrm.Web.Features.Loyalty.Portal.Emails;

/// <summary>Where the portal is reachable from outside, for links in emails sent by jobs (section <c>Portal</c>).</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>E.g. https://vibecrm.example; the tenant's slug and page are appended.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";
}

public sealed record LoyaltyRecipient(int MembershipId, int ProgramId, string Email, string Name, string ProgramName, string UnitName, string Currency, string TimeZoneId, int ActivePoints);

/// <summary>
/// Sends a loyalty email at most once per subject: the <see cref="LoyaltyEmail"/> rows are written before the send and
/// marked after it, so a job delivered twice (or retried after a failed send) never sends a sent email again.
/// Members with a portal account get loyalty emails only with <c>LoyaltyEmailOptIn</c>; customers without one only with
/// email consent granted.
/// </summary>
public sealed class LoyaltyEmailSender(
    TenantDbContext db,
    EmailTemplates templates,
    IEmailSender sender,
    ITenantContextAccessor tenants,
    IOptions<PortalOptions> options,
    TimeProvider clock)
{
    public string PortalUrl(string page = "me/loyalty")
    {
        var tenant = tenants.RequireTenant();
        return $"{options.Value.PublicBaseUrl.TrimEnd('/')}/{tenant.Identifier}/{page}";
    }

    /// <summary>A loyalty page of the recipient's program (a member of several programs lands on the right one).</summary>
    public string LoyaltyUrl(LoyaltyRecipient to, string page = "")
    {
        ArgumentNullException.ThrowIfNull(to);
        return PortalUrl("me/loyalty" + (page.Length > 0 ? "/" + page : "")) + "?program=" + to.ProgramId.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Claims the subjects, sends one email for them unless all were already sent, marks them. True when an email went out.</summary>
    public async Task<bool> SendOnceAsync(int membershipId, LoyaltyEmailKind kind, IReadOnlyCollection<string> subjects, string template,
        Func<LoyaltyRecipient, Task<LoyaltyEmailModel>> build, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        ArgumentNullException.ThrowIfNull(build);
        var owed = await ClaimAsync(membershipId, kind, subjects, ct);
        if (owed.Count == 0)
        {
            return false;
        }

        var recipient = await RecipientAsync(membershipId, ct);
        if (recipient.Recipient is not { } to)
        {
            await MarkAsync(owed, "Not sent: " + recipient.Reason, ct);
            return false;
        }

        var model = await build(to);
        var message = await templates.RenderAsync(template, model, tenants.RequireTenant().Name, to.Email, to.Name);
        await sender.SendAsync(message, ct);
        await MarkAsync(owed, "Sent to " + to.Email, ct);
        return true;
    }

    private async Task<List<long>> ClaimAsync(int membershipId, LoyaltyEmailKind kind, IReadOnlyCollection<string> subjects, CancellationToken ct)
    {
        var keys = subjects.Distinct(StringComparer.Ordinal).ToList();
        var existing = await db.LoyaltyEmails.AsNoTracking().Where(e => e.Kind == kind && keys.Contains(e.SubjectKey)).ToListAsync(ct);
        var missing = keys.Except(existing.Select(e => e.SubjectKey), StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            var now = clock.GetUtcNow();
            db.LoyaltyEmails.AddRange(missing.Select(k => new LoyaltyEmail { MembershipId = membershipId, Kind = kind, SubjectKey = k, CreatedAt = now }));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear(); // claimed concurrently by another delivery of the job: it sends
                return [];
            }
        }

        return await db.LoyaltyEmails.AsNoTracking()
            .Where(e => e.Kind == kind && keys.Contains(e.SubjectKey) && e.SentAt == null)
            .Select(e => e.Id)
            .ToListAsync(ct);
    }

    private async Task MarkAsync(List<long> ids, string outcome, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var text = outcome.Length > 300 ? outcome[..300] : outcome;
        await db.LoyaltyEmails.Where(e => ids.Contains(e.Id)).ExecuteUpdateAsync(u => u.SetProperty(e => e.SentAt, now).SetProperty(e => e.Outcome, text), ct);
    }

    private async Task<(LoyaltyRecipient? Recipient, string Reason)> RecipientAsync(int membershipId, CancellationToken ct)
    {
        var row = await (
            from m in db.LoyaltyMemberships.AsNoTracking()
            join p in db.LoyaltyPrograms on m.ProgramId equals p.Id
            join c in db.Customers on m.CustomerId equals c.Id
            where m.Id == membershipId
            select new { m.Id, m.CustomerId, m.ActivePoints, ProgramId = p.Id, p.Name, p.UnitName, p.Currency, p.TimeZoneId, c.Email, c.FirstName, c.LastName, c.ErasedAt }).SingleOrDefaultAsync(ct);
        if (row is null || row.ErasedAt is not null)
        {
            return (null, "no such member");
        }

        var account = await db.Users.AsNoTracking()
            .Where(u => u.Kind == AccountKind.Member && u.CustomerId == row.CustomerId && u.EmailConfirmed)
            .Select(u => new { u.Email, u.FirstName, u.LoyaltyEmailOptIn })
            .FirstOrDefaultAsync(ct);
        string? email;
        string name;
        if (account is not null)
        {
            if (!account.LoyaltyEmailOptIn)
            {
                return (null, "opted out of loyalty emails");
            }

            (email, name) = (account.Email, account.FirstName);
        }
        else
        {
            var consent = await db.ConsentRecords.AsNoTracking()
                .Where(r => r.CustomerId == row.CustomerId && r.Channel == ContactChannel.Email)
                .OrderByDescending(r => r.RecordedAt).ThenByDescending(r => r.Id)
                .Select(r => (bool?)r.Granted)
                .FirstOrDefaultAsync(ct);
            if (consent != true)
            {
                return (null, "no email consent");
            }

            (email, name) = (row.Email, row.FirstName);
        }

        if (string.IsNullOrWhiteSpace(email))
        {
            return (null, "no email address");
        }

        var tenantZone = tenants.RequireTenant().TimeZoneId;
        return (new LoyaltyRecipient(row.Id, row.ProgramId, email, string.IsNullOrWhiteSpace(name) ? email : name, row.Name, row.UnitName, row.Currency,
            string.IsNullOrWhiteSpace(tenantZone) ? row.TimeZoneId : tenantZone, row.ActivePoints), "");
    }
}
