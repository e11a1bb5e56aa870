using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using VibeCrm.Tenancy;
using VibeCrm.Web.Features.Members;
using VibeCrm.Web.Infrastructure.Security;

namespace VibeCrm.Web.Areas.Portal.Pages.Account;

[EnableRateLimiting(RateLimits.SignUp)]
public sealed class JoinModel(MemberAccounts members) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string? SentTo { get; private set; }

    public sealed class InputModel
    {
        [Required, StringLength(100), Display(Name = "First name")]
        public string FirstName { get; set; } = "";

        [Required, StringLength(100), Display(Name = "Last name")]
        public string LastName { get; set; } = "";

        [Required, EmailAddress, StringLength(256), Display(Name = "Email")]
        public string Email { get; set; } = "";

        [Required, DataType(DataType.Password), StringLength(100, MinimumLength = 10, ErrorMessage = "Use at least 10 characters."), Display(Name = "Password")]
        public string Password { get; set; } = "";

        [Display(Name = "Send me offers and news by email")]
        public bool MarketingEmailOptIn { get; set; }
    }

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
        var result = await members.RegisterAsync(
            new MemberRegistration(Input.FirstName, Input.LastName, Input.Email, Input.Password, Input.MarketingEmailOptIn),
            (userId, token) => $"{Request.Scheme}://{Request.Host}{Request.PathBase}/{tenant.Identifier}/account/confirmemail?userId={Uri.EscapeDataString(userId)}&token={Uri.EscapeDataString(token)}",
            cancellationToken);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code.Contains("Password", StringComparison.Ordinal) ? "Input.Password" : "Input.Email", error.Description);
            }

            return Page();
        }

        SentTo = Input.Email.Trim();
        return Page();
    }
}
