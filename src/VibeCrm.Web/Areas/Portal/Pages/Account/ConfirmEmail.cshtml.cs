using Microsoft.AspNetCore.Mvc.RazorPages;
using VibeCrm.Web.Features.Members;

namespace VibeCrm.Web.Areas.Portal.Pages.Account;

public sealed class ConfirmEmailModel(MemberAccounts members) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(string? userId, string? token) =>
        Confirmed = userId is not null && token is not null && await members.ConfirmAsync(userId, token);
}
