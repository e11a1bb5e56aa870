using Microsoft.AspNetCore.Mvc;
using VibeCrm.Web.Features.Loyalty;
using VibeCrm.Web.Features.Loyalty.Portal;

namespace VibeCrm.Web.Areas.Portal.Pages.Me.Loyalty;

/// <summary>One of the member's reward codes, with its QR for the till.</summary>
public sealed class CodeModel(MemberLoyaltyService members) : LoyaltyPageModel(members)
{
    public RedemptionView Redemption { get; private set; } = null!;

    public string Qr { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(requireMembership: true, cancellationToken) is { } redirect)
        {
            return redirect;
        }

        // a link without a program (e.g. from the reward email) shows the code in whichever of the member's programs it is
        if (!ProgramAsked && await Members.MembershipOfRedemptionAsync(Member, id, cancellationToken) is { } owner)
        {
            SelectMembership(owner);
        }

        if (await Members.RedemptionAsync(MembershipId, id, cancellationToken) is not { } redemption)
        {
            return NotFound();
        }

        Redemption = redemption;
        Qr = QrImages.SvgDataUri(redemption.Code);
        return Page();
    }

}
