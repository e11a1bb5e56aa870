using Microsoft.AspNetCore.Mvc;
using VibeCrm.Web.Features.Loyalty;
using VibeCrm.Web.Features.Loyalty.Portal;

namespace VibeCrm.Web.Areas.Portal.Pages.Me.Loyalty;

public sealed class RewardsModel(MemberLoyaltyService members, MemberLoyaltyQueries queries, RewardRedemptions rewards) : LoyaltyPageModel(members)
{
    public IReadOnlyList<RewardRow> Rewards { get; private set; } = [];

    public MemberDashboard Dashboard { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(requireMembership: true, cancellationToken) is { } redirect)
        {
            return redirect;
        }

        Dashboard = (await queries.DashboardAsync(MembershipId, cancellationToken))!;
        Rewards = await rewards.ListAvailableAsync(MembershipId, cancellationToken);
        return Page();
    }
}
