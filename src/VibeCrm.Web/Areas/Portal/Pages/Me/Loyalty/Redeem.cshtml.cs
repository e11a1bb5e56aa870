using Microsoft.AspNetCore.Mvc;
using VibeCrm.Web.Features.Loyalty;
using VibeCrm.Web.Features.Loyalty.Portal;

namespace VibeCrm.Web.Areas.Portal.Pages.Me.Loyalty;

/// <summary>The confirm step of a redemption: what it costs and what is left, then the code.</summary>
public sealed class RedeemModel(MemberLoyaltyService members, MemberLoyaltyQueries queries, RewardRedemptions rewards) : LoyaltyPageModel(members)
{
    public RewardRow? Reward { get; private set; }

    public MemberDashboard Dashboard { get; private set; } = null!;

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int rewardId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(requireMembership: true, cancellationToken) is { } redirect)
        {
            return redirect;
        }

        return await ShowAsync(rewardId, null, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(int rewardId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(requireMembership: true, cancellationToken) is { } redirect)
        {
            return redirect;
        }

        var outcome = await Members.RedeemAsync(MembershipId, rewardId, cancellationToken);
        if (outcome.Redemption is { } issued)
        {
            StatusMessage = $"Done! Here is your code for {issued.RewardName}.";
            return Redirect(LoyaltyUrl($"code/{issued.Id}"));
        }

        return await ShowAsync(rewardId, outcome.Result.Error ?? "This reward could not be redeemed.", cancellationToken);
    }


    private async Task<IActionResult> ShowAsync(int rewardId, string? error, CancellationToken ct)
    {
        Dashboard = (await queries.DashboardAsync(MembershipId, ct))!;
        Reward = (await rewards.ListAvailableAsync(MembershipId, ct)).FirstOrDefault(r => r.Id == rewardId);
        Error = error ?? (Reward is null
            ? "This reward is not available to you right now."
            : Reward.Affordable ? null : $"Not enough {Dashboard.UnitName}: {Reward.CostPoints} needed, {Math.Max(0, Dashboard.ActivePoints)} available.");
        if (Error is not null)
        {
            ModelState.AddModelError(string.Empty, Error);
        }

        return Page();
    }
}
