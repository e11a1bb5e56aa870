using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Tenants;
using VibeCrm.Tenancy;
using VibeCrm.Web.Infrastructure.Email;

namespace VibeCrm.Web.Features.Feedback;

/// <summary>Review invitations after a purchase: a signed link for one customer and purchase, answered once, no sign-in.</summary>
public sealed class ReviewInvitations(TenantDbContext db, FeedbackLinks links, EmailTemplates templates, IEmailSender sender, ITenantContextAccessor tenants)
{
    /// <summary>The absolute link (<paramref name="portalRoot"/> is <c>https://host/{tenant}</c>).</summary>
    public string Link(string portalRoot, int customerId, string purchaseReference) => portalRoot + links.ReviewPath(customerId, purchaseReference);

    /// <summary>Emails the invitation to the customer.</summary>
    public async Task<CommandResult> SendAsync(int customerId, string? purchaseReference, string portalRoot, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(purchaseReference) || purchaseReference.Trim().Length > 64)
        {
            return CommandResult.Fail("Give the receipt number (up to 64 characters) the review is for.");
        }

        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == customerId && c.ErasedAt == null && c.MergedIntoId == null)
            .Select(c => new { c.Email, c.FirstName, c.LastName }).FirstOrDefaultAsync(ct);
        if (customer?.Email is not { Length: > 0 } email)
        {
            return CommandResult.Fail("This customer has no email address.");
        }

        var name = $"{customer.FirstName} {customer.LastName}".Trim();
        var model = new EmailModel(tenants.RequireTenant().Name, name, Link(portalRoot, customerId, purchaseReference)) { Detail = purchaseReference.Trim() };
        await sender.SendAsync(await templates.RenderAsync("feedback-review-invitation", model, email, name), ct);
        return CommandResult.Ok;
    }
}
