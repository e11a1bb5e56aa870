using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using VibeCrm.Data.Identity;
using VibeCrm.Tenancy;
using VibeCrm.Web.Infrastructure.Security;

namespace VibeCrm.Web.Features.Accounts;

/// <summary>"Forgot password" for one kind of account; the back office and the portal each derive one.</summary>
[EnableRateLimiting(RateLimits.PasswordReset)]
public abstract class ForgotPasswordPageModel(PasswordResets resets, AccountKind kind, string resetPath) : PageModel
{
    [BindProperty, Required, EmailAddress, Display(Name = "Email")]
    public string Email { get; set; } = "";

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var tenant = HttpContext.RequireTenant();
        var email = Email.Trim();
        await resets.RequestAsync(kind, email, token =>
            $"{Request.Scheme}://{Request.Host}{Request.PathBase}/{tenant.Identifier}{resetPath}?email={Uri.EscapeDataString(email)}&token={Uri.EscapeDataString(token)}",
            cancellationToken);
        Sent = true; // the same answer whether or not the account exists
        return Page();
    }
}

/// <summary>"Choose a new password" from an emailed link.</summary>
[EnableRateLimiting(RateLimits.PasswordReset)]
public abstract class ResetPasswordPageModel(PasswordResets resets, AccountKind kind, string signInPath) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required, EmailAddress]
        public string Email { get; set; } = "";

        [Required]
        public string Token { get; set; } = "";

        [Required, DataType(DataType.Password), Display(Name = "New password"), StringLength(100, MinimumLength = 10, ErrorMessage = "Use at least 10 characters.")]
        public string Password { get; set; } = "";

        [DataType(DataType.Password), Display(Name = "Repeat the new password"), Compare(nameof(Password), ErrorMessage = "The two passwords do not match.")]
        public string ConfirmPassword { get; set; } = "";
    }

    public IActionResult OnGet(string? email, string? token)
    {
        if (string.IsNullOrEmpty(email) || string.IsNullOrEmpty(token))
        {
            return BadRequest("This reset link is incomplete. Please use the link from the email.");
        }

        Input = new InputModel { Email = email, Token = token };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await resets.ResetAsync(kind, Input.Email, Input.Token, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code.Contains("Password", StringComparison.Ordinal) ? "Input.Password" : "",
                    error.Code == "InvalidToken" ? "This reset link has expired or was already used. Ask for a new one." : error.Description);
            }

            return Page();
        }

        TempData["StatusMessage"] = "Your password was changed. You can sign in now.";
        return Redirect($"/{HttpContext.RequireTenant().Identifier}{signInPath}");
    }
}
