using Microsoft.AspNetCore.Mvc;
using VibeCrm.Data.Loyalty;
using VibeCrm.Web.Features.Loyalty;
using VibeCrm.Web.Features.Loyalty.Portal;

namespace VibeCrm.Web.Areas.Portal.Pages.Me.Loyalty;

/// <summary>The member's codes: active, used, expired (and cancelled); cancel an unused one.</summary>
public sealed class MyRewardsModel(MemberLoyaltyService members, RewardRedemptions rewards) : LoyaltyPageModel(members)
{
    public IReadOnlyList<RedemptionView> Active { get; private set; } = [];

    public IReadOnlyList<RedemptionView> Used { get; private set; } = [];

    public IReadOnlyList<RedemptionView> Expired { get; private set; } = [];

    public IReadOnlyList<RedemptionView> Cancelled { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(requireMembership: true, cancellationToken) is { } redirect)
        {
            return redirect;
        }

        var all = await rewards.ListForMemberAsync(MembershipId, cancellationToken);
        Active = [.. all.Where(r => r.IsUsable)];
        Used = [.. all.Where(r => r.Status == RedemptionStatus.Consumed)];
        Expired = [.. all.Where(r => r.Status == RedemptionStatus.Issued && !r.IsUsable)];
        Cancelled = [.. all.Where(r => r.Status == RedemptionStatus.Cancelled)];
        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(requireMembership: true, cancellationToken) is { } redirect)
        {
            return redirect;
        }

        var result = await Members.CancelAsync(MembershipId, id, cancellationToken);
        StatusMessage = result.Succeeded ? "The code is cancelled and your points are back." : "Error: " + result.Error;
        return Redirect(LoyaltyUrl("myrewards"));
    }

}
