using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using VibeCrm.Data.Identity;
using VibeCrm.Tenancy;
using VibeCrm.Web.Infrastructure.Auth;
using VibeCrm.Web.Infrastructure.Security;

namespace VibeCrm.Web.Features.Accounts;

/// <summary>Password sign-in for one kind of account; the back office and the portal each derive one.</summary>
[EnableRateLimiting(RateLimits.SignIn)]
public abstract class SignInPageModel(SignInService signIn, AccountKind kind, string homePath, string forgotPath) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public string ForgotPasswordUrl => $"/{HttpContext.RequireTenant().Identifier}{forgotPath}";

    public sealed class InputModel
    {
        [Required, EmailAddress, Display(Name = "Email")]
        public string Email { get; set; } = "";

        [Required, DataType(DataType.Password), Display(Name = "Password")]
        public string Password { get; set; } = "";

        [Display(Name = "Keep me signed in on this device")]
        public bool RememberMe { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await signIn.PasswordSignInAsync(kind, Input.Email, Input.Password, Input.RememberMe);
        var home = $"/{HttpContext.RequireTenant().Identifier}{homePath}";
        switch (outcome)
        {
            case SignInOutcome.Succeeded:
                // Only return to pages of this tenant and this kind of account.
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl.StartsWith(home, StringComparison.OrdinalIgnoreCase) ? ReturnUrl : home);
            case SignInOutcome.LockedOut:
                ModelState.AddModelError("", "Too many failed attempts. This account is locked for 15 minutes; you can reset your password meanwhile.");
                return Page();
            case SignInOutcome.NotConfirmed:
                ModelState.AddModelError("", "Please confirm your email first: open the link we sent you. Joining again with the same email sends a fresh link.");
                return Page();
            default:
                ModelState.AddModelError("", "Email or password is not correct.");
                return Page();
        }
    }
}
