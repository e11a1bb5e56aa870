using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VibeCrm.Tenancy;
using VibeCrm.Web.Features.Staff;
using VibeCrm.Web.Infrastructure.Auth;

namespace VibeCrm.Web.Areas.Merchant.Pages.Account;

public sealed class AcceptInvitationModel(StaffDirectory staff, SignInService signIn) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Token { get; set; } = "";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string? Email { get; private set; }

    public string? Role { get; private set; }

    public sealed class InputModel
    {
        [Required, StringLength(100), Display(Name = "First name")]
        public string FirstName { get; set; } = "";

        [Required, StringLength(100), Display(Name = "Last name")]
        public string LastName { get; set; } = "";

        [Required, DataType(DataType.Password), StringLength(100, MinimumLength = 10, ErrorMessage = "Use at least 10 characters."), Display(Name = "Choose a password")]
        public string Password { get; set; } = "";
    }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken); // the view explains an expired link

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || !ModelState.IsValid)
        {
            return Page();
        }

        var (result, user) = await staff.AcceptAsync(Token, Input.FirstName, Input.LastName, Input.Password, cancellationToken);
        if (!result.Succeeded || user is null)
        {
            ModelState.AddModelError("", result.Error ?? "The invitation could not be accepted.");
            return Page();
        }

        await signIn.SignInAsync(user, remember: false);
        return Redirect($"/{HttpContext.RequireTenant().Identifier}/admin");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var invitation = string.IsNullOrEmpty(Token) ? null : await staff.FindOpenInvitationAsync(Token, cancellationToken);
        Email = invitation?.Email;
        Role = invitation?.Role;
        return invitation is not null;
    }
}
