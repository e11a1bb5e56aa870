using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VibeCrm.Data.Identity;
using VibeCrm.Tenancy;
using VibeCrm.Web.Infrastructure.Auth;

namespace VibeCrm.Web.Areas.Merchant.Pages.Account;

public sealed class LogoutModel(SignInService signIn) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("Login");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync(AccountKind.Staff);
        TempData["StatusMessage"] = "You are signed out.";
        return Redirect($"/{HttpContext.RequireTenant().Identifier}/admin/account/login");
    }
}
