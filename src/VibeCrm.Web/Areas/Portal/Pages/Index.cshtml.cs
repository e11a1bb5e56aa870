using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VibeCrm.Tenancy;
using VibeCrm.Web.Areas.Portal.Pages.Me.Loyalty;
using VibeCrm.Web.Features.Loyalty.Portal;
using VibeCrm.Web.Infrastructure.Auth;

namespace VibeCrm.Web.Areas.Portal.Pages;

/// <summary>The portal home: the program to join for visitors (a friend's referral code is kept for the join step).</summary>
public sealed class IndexModel(MemberLoyaltyQueries queries, ReferralCodes referrals) : PageModel
{
    public IReadOnlyList<ProgramOffer> Offers { get; private set; } = [];

    public bool SignedIn { get; private set; }

    public string? ReferredBy { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "ref")] string? referral, CancellationToken cancellationToken)
    {
        var tenant = HttpContext.RequireTenant();
        SignedIn = (await HttpContext.AuthenticateAsync(AuthSchemes.Member)).Succeeded;
        Offers = await queries.OffersAsync(cancellationToken);
        if (ReferralCodes.Normalize(referral) is { } code)
        {
            ReferredBy = await referrals.ReferrerNameAsync(code, cancellationToken);
            if (ReferredBy is not null)
            {
                Response.Cookies.Append(JoinModel.ReferralCookie, code, new CookieOptions
                {
                    Path = "/" + tenant.Identifier,
                    HttpOnly = true,
                    IsEssential = true,
                    SameSite = SameSiteMode.Lax,
                    Secure = Request.IsHttps,
                    MaxAge = TimeSpan.FromDays(30),
                });
            }
        }

        return Page();
    }
}
