using Microsoft.AspNetCore.Mvc.RazorPages;
using VibeCrm.Web.Features.Members;

namespace VibeCrm.Web.Areas.Portal.Pages.Account;

public sealed class ConfirmEmailModel(MemberAccounts members, MemberCustomers customers) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(string? userId, string? token, CancellationToken cancellationToken)
    {
        Confirmed = userId is not null && token is not null && await members.ConfirmAsync(userId, token);
        if (Confirmed)
        {
            // The customer record is linked now so staff see the new member at once; portal pages link lazily too.
            await customers.EnsureAsync(userId!, cancellationToken);
        }
    }
}
