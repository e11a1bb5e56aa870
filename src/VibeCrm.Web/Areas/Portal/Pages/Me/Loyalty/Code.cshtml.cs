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

        if (await Members.RedemptionAsync(MembershipId, id, cancellationToken) is not { } redemption)
        {
            return NotFound();
        }

        Redemption = redemption;
        Qr = QrImages.SvgDataUri(redemption.Code);
        return Page();
    }

}
