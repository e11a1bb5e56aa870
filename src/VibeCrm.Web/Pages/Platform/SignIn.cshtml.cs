using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using VibeCrm.Web.Features.Platform;
using VibeCrm.Web.Infrastructure.Auth;
using VibeCrm.Web.Infrastructure.Security;

namespace VibeCrm.Web.Pages.Platform;

[EnableRateLimiting(RateLimits.SignIn)]
public sealed class SignInModel(OperatorAccounts operators) : PageModel
{
    [BindProperty, Required, EmailAddress, Display(Name = "Email")]
    public string Email { get; set; } = "";

    [BindProperty, Required, DataType(DataType.Password), Display(Name = "Password")]
    public string Password { get; set; } = "";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (principal, error) = await operators.CheckAsync(Email, Password, cancellationToken);
        if (principal is null)
        {
            ModelState.AddModelError("", error!);
            return Page();
        }

        await HttpContext.SignInAsync(AuthSchemes.Operator, principal);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) && (returnUrl.StartsWith("/platform", StringComparison.Ordinal) || returnUrl.StartsWith("/hangfire", StringComparison.Ordinal)) ? returnUrl : "/platform");
    }

    public async Task<IActionResult> OnPostSignOutAsync()
    {
        await HttpContext.SignOutAsync(AuthSchemes.Operator);
        return RedirectToPage();
    }
}
