using System.ComponentModel.DataAnnotations;
using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VibeCrm.Data.Identity;
using VibeCrm.Tenancy;
using VibeCrm.Web.Features;
using VibeCrm.Web.Features.Accounts;
using VibeCrm.Web.Features.Staff;
using VibeCrm.Web.Infrastructure.Auth;

namespace VibeCrm.Web.Areas.Merchant.Pages.Settings.Staff;

public sealed record StaffPageData(IReadOnlyList<StaffRow> Staff, IReadOnlyList<InvitationRow> Invitations, string CurrentUserId);

public sealed class IndexModel(StaffDirectory staff, AccountEmails emails) : PageModel
{
    [BindProperty]
    public InviteInput Invite { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public StaffPageData Data { get; private set; } = new([], [], "");

    public sealed class InviteInput
    {
        [Required, EmailAddress, Display(Name = "Email")]
        public string Email { get; set; } = "";

        [Required, Display(Name = "Role")]
        public string Role { get; set; } = Roles.Agent;
    }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var (result, token) = await staff.InviteAsync(Invite.Email, Invite.Role, User.UserId(), cancellationToken);
            if (result.Succeeded && token is not null)
            {
                var tenant = HttpContext.RequireTenant();
                var url = $"{Request.Scheme}://{Request.Host}{Request.PathBase}/{tenant.Identifier}/admin/account/acceptinvitation?token={Uri.EscapeDataString(token)}";
                await emails.SendInvitationAsync(Invite.Email.Trim(), Invite.Role, User.DisplayName(), url, cancellationToken);
                return Done($"Invitation sent to {Invite.Email.Trim()}.");
            }

            ModelState.AddModelError("Invite.Email", result.Error!);
        }

        await LoadAsync(cancellationToken);
        return Request.IsHtmx() ? Partial("_InviteForm", this) : Page();
    }

    public async Task<IActionResult> OnPostRoleAsync(string userId, string role, CancellationToken cancellationToken) =>
        Done(await staff.ChangeRoleAsync(userId, role, User.UserId(), cancellationToken), "Role changed.");

    public async Task<IActionResult> OnPostDeactivateAsync(string userId, CancellationToken cancellationToken) =>
        Done(await staff.SetActiveAsync(userId, false, User.UserId(), cancellationToken), "Staff member deactivated. They are signed out everywhere.");

    public async Task<IActionResult> OnPostReactivateAsync(string userId, CancellationToken cancellationToken) =>
        Done(await staff.SetActiveAsync(userId, true, User.UserId(), cancellationToken), "Staff member reactivated.");

    public async Task<IActionResult> OnPostRevokeAsync(int invitationId, CancellationToken cancellationToken) =>
        Done(await staff.RevokeInvitationAsync(invitationId, cancellationToken), "Invitation withdrawn.");

    private IActionResult Done(CommandResult result, string success) =>
        Done(result.Succeeded ? success : "Error: " + result.Error);

    /// <summary>Post/redirect/get; htmx follows the redirect too, so both paths show the fresh list and the message.</summary>
    private IActionResult Done(string message)
    {
        StatusMessage = message;
        if (Request.IsHtmx())
        {
            Response.Htmx(h => h.Redirect(Request.PathBase + Request.Path));
            return new EmptyResult();
        }

        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Data = new StaffPageData(await staff.ListAsync(cancellationToken), await staff.OpenInvitationsAsync(cancellationToken), User.UserId());
}
