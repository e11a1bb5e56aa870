using Microsoft.AspNetCore.Mvc;
using VibeCrm.Web.Features.Loyalty.Portal;

namespace VibeCrm.Web.Areas.Portal.Pages.Me.Loyalty;

/// <summary>Joining the program from the portal: the program's offer and terms, accept, join (sign-up bonus by the engine).</summary>
public sealed class JoinModel(MemberLoyaltyService members, MemberLoyaltyQueries queries, ReferralCodes referrals) : LoyaltyPageModel(members)
{
    public const string ReferralCookie = ".vibecrm.ref";

    public IReadOnlyList<ProgramOffer> Offers { get; private set; } = [];

    public string? ReferredBy { get; private set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public int ProgramId { get; set; }

        public bool AcceptTerms { get; set; }

        public string? ReferralCode { get; set; }
    }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "ref")] string? referral, CancellationToken cancellationToken)
    {
        if (await LoadAsync(requireMembership: false, cancellationToken) is { } redirect)
        {
            return redirect;
        }

        if (Member.MembershipId is not null)
        {
            return Redirect(TenantPath + "/me/loyalty");
        }

        Input.ReferralCode = ReferralCodes.Normalize(referral ?? Request.Cookies[ReferralCookie]);
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(requireMembership: false, cancellationToken) is { } redirect)
        {
            return redirect;
        }

        var joined = await Members.JoinAsync(Member.CustomerId, Input.ProgramId, Input.AcceptTerms, Input.ReferralCode, cancellationToken);
        if (!joined.Result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, joined.Result.Error ?? "You could not join the program.");
            return await ShowAsync(cancellationToken);
        }

        Response.Cookies.Delete(ReferralCookie, new CookieOptions { Path = TenantPath });
        StatusMessage = joined.Created ? "Welcome to the club! Your member card is ready." : "You are already a member.";
        return Redirect(TenantPath + "/me/loyalty");
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Offers = await queries.OffersAsync(ct);
        if (Input.ProgramId == 0 && Offers.Count > 0)
        {
            Input.ProgramId = Offers[0].Id;
        }

        ReferredBy = await referrals.ReferrerNameAsync(Input.ReferralCode, ct);
        return Page();
    }
}
