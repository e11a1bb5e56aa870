using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VibeCrm.Data.Identity;
using VibeCrm.Tenancy;
using VibeCrm.Web.Infrastructure.Auth;

namespace VibeCrm.Web.Areas.Portal.Pages.Account;

public sealed class SignOutModel(SignInService signIn) : PageModel
{
    public IActionResult OnGet() => Redirect($"/{HttpContext.RequireTenant().Identifier}");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync(AccountKind.Member);
        return Redirect($"/{HttpContext.RequireTenant().Identifier}");
    }
}
