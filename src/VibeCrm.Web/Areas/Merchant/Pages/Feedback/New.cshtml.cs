using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Feedback;
using VibeCrm.Data.Tenants;
using VibeCrm.Tenancy;
using VibeCrm.Web.Features.Feedback;
using VibeCrm.Web.Infrastructure.Auth;

namespace VibeCrm.Web.Areas.Merchant.Pages.Feedback;

/// <summary>Staff record feedback that came by phone, at the counter or by email — from the inbox or from a customer's page.</summary>
public sealed class NewModel(FeedbackService feedback, ReviewInvitations invitations, TenantDbContext db) : PageModel
{
    public static readonly FeedbackChannel[] StaffChannels = [FeedbackChannel.Phone, FeedbackChannel.WalkIn, FeedbackChannel.Email];

    [BindProperty]
    public FeedbackSubmission Input { get; set; } = new() { Type = FeedbackType.Complaint, Channel = FeedbackChannel.Phone };

    public string? CustomerName { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? customerId, CancellationToken ct)
    {
        Input.CustomerId = customerId;
        await LoadCustomerAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!StaffChannels.Contains(Input.Channel))
        {
            ModelState.AddModelError("Input.Channel", "Choose phone, walk-in or email.");
        }

        if (ModelState.IsValid)
        {
            var result = await feedback.SubmitAsync(Input, new FeedbackService.SubmitOptions(EnteredByUserId: User.UserId()), ct);
            if (result.Succeeded)
            {
                TempData["StatusMessage"] = "Feedback recorded; it is being scored.";
                return Redirect($"/{HttpContext.RequireTenant().Identifier}/admin/feedback/{result.Id}");
            }

            foreach (var (field, message) in result.Errors)
            {
                ModelState.AddModelError("Input." + field, message);
            }
        }

        await LoadCustomerAsync(ct);
        return Page();
    }

    /// <summary>Emails the customer a signed link to review one purchase (no sign-in, answered once).</summary>
    public async Task<IActionResult> OnPostInviteAsync(int customerId, string? purchaseReference, CancellationToken ct)
    {
        var tenant = HttpContext.RequireTenant();
        var result = await invitations.SendAsync(customerId, purchaseReference, $"{Request.Scheme}://{Request.Host}{Request.PathBase}/{tenant.Identifier}", ct);
        TempData["StatusMessage"] = result.Succeeded ? "Review invitation sent." : "Error: " + result.Error;
        return Redirect($"/{tenant.Identifier}/admin/feedback/new?customerId={customerId}");
    }

    private async Task LoadCustomerAsync(CancellationToken ct)
    {
        if (Input.CustomerId is { } id)
        {
            CustomerName = await db.Customers.AsNoTracking().Where(c => c.Id == id).Select(c => c.FirstName + " " + c.LastName).FirstOrDefaultAsync(ct);
            if (CustomerName is null)
            {
                Input.CustomerId = null;
            }
        }
    }
}
