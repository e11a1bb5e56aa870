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

    /// <summary>True when the member already belongs to a program: the page offers the others.</summary>
    public bool JoinsAnother => Member.Programs.Count > 0;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "ref")] string? referral, [FromQuery(Name = ProgramQuery)] int? program, CancellationToken cancellationToken)
    {
        if (await LoadAsync(requireMembership: false, cancellationToken) is { } redirect)
        {
            return redirect;
        }

        Input.ReferralCode = ReferralCodes.Normalize(referral ?? Request.Cookies[ReferralCookie]);
        Input.ProgramId = program ?? await referrals.ProgramOfAsync(Input.ReferralCode, cancellationToken) ?? 0;
        await ShowAsync(cancellationToken);
        return Offers.Count == 0 && JoinsAnother ? Redirect(ProgramUrl(TenantPath, null)) : Page();
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
            await ShowAsync(cancellationToken);
            return Page();
        }

        Response.Cookies.Delete(ReferralCookie, new CookieOptions { Path = TenantPath });
        StatusMessage = joined.Created ? "Welcome to the club! Your member card is ready." : "You are already a member.";
        var several = Member.Programs.Any(p => p.ProgramId != Input.ProgramId);
        return Redirect(ProgramUrl(TenantPath, several ? Input.ProgramId : null));
    }

    /// <summary>The open programs the member has not joined yet, the asked-for one selected (else the first).</summary>
    private async Task ShowAsync(CancellationToken ct)
    {
        var joined = Member.Programs.Select(p => p.ProgramId).ToHashSet();
        Offers = [.. (await queries.OffersAsync(ct)).Where(o => !joined.Contains(o.Id))];
        if (Offers.Count > 0 && Offers.All(o => o.Id != Input.ProgramId))
        {
            Input.ProgramId = Offers[0].Id;
        }

        ReferredBy = await referrals.ReferrerNameAsync(Input.ReferralCode, ct);
    }
}
