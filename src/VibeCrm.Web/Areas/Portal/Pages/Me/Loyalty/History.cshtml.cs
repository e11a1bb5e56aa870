using Microsoft.AspNetCore.Mvc;
using VibeCrm.Web.Features.Loyalty.Portal;

namespace VibeCrm.Web.Areas.Portal.Pages.Me.Loyalty;

public sealed class HistoryModel(MemberLoyaltyService members, MemberLoyaltyQueries queries) : LoyaltyPageModel(members)
{
    public HistoryPage History { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "p")] int pageNumber, CancellationToken cancellationToken)
    {
        if (await LoadAsync(requireMembership: true, cancellationToken) is { } redirect)
        {
            return redirect;
        }

        History = await queries.HistoryAsync(MembershipId, Math.Max(1, pageNumber), cancellationToken);
        return Page();
    }
}
