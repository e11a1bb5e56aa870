using Microsoft.AspNetCore.Mvc;
using VibeCrm.Web.Features.Loyalty.Portal;

namespace VibeCrm.Web.Areas.Portal.Pages.Me.Loyalty;

public sealed class IndexModel(MemberLoyaltyService members, MemberLoyaltyQueries queries, ReferralCodes referrals) : LoyaltyPageModel(members)
{
    public MemberDashboard Dashboard { get; private set; } = null!;

    public HistoryPage Recent { get; private set; } = null!;

    public ReferralSummary Referral { get; private set; } = null!;

    public string ReferralLink { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(requireMembership: true, cancellationToken) is { } redirect)
        {
            return redirect;
        }

        Dashboard = (await queries.DashboardAsync(MembershipId, cancellationToken))!;
        Recent = await queries.HistoryAsync(MembershipId, 1, cancellationToken);
        Referral = await referrals.SummaryAsync(MembershipId, cancellationToken);
        ReferralLink = $"{Request.Scheme}://{Request.Host}{Request.PathBase}{TenantPath}?ref={Referral.Code}";
        return Page();
    }
}
