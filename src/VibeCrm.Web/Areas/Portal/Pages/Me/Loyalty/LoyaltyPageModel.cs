using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VibeCrm.Tenancy;
using VibeCrm.Web.Features.Loyalty.Portal;
using VibeCrm.Web.Infrastructure.Auth;

namespace VibeCrm.Web.Areas.Portal.Pages.Me.Loyalty;

/// <summary>The loyalty pages of a signed-in member: resolves the member's customer and membership first.</summary>
public abstract class LoyaltyPageModel(MemberLoyaltyService members) : PageModel
{
    protected MemberLoyaltyService Members { get; } = members;

    [TempData]
    public string? StatusMessage { get; set; }

    protected PortalMember Member { get; private set; } = new(0, null);

    /// <summary>The membership id; only valid after <see cref="LoadAsync"/> with a membership required.</summary>
    protected int MembershipId => Member.MembershipId ?? 0;

    public string TenantPath => "/" + HttpContext.RequireTenant().Identifier;

    public string TimeZoneId => HttpContext.RequireTenant().TimeZoneId;

    /// <summary>Null when the page can go on; otherwise where to send the member (not linked yet, or not joined).</summary>
    protected async Task<IActionResult?> LoadAsync(bool requireMembership, CancellationToken ct)
    {
        var outcome = await Members.CurrentAsync(User.UserId(), ct);
        if (outcome.Member is not { } member)
        {
            StatusMessage = "Error: " + outcome.Result.Error;
            return Redirect(TenantPath + "/me");
        }

        Member = member;
        return requireMembership && member.MembershipId is null ? Redirect(TenantPath + "/me/loyalty/join") : null;
    }

    public string Local(DateTimeOffset utc) => Features.Interactions.TenantTime.Format(utc, TimeZoneId);

    public string LocalDate(DateTimeOffset utc) =>
        Features.Interactions.TenantTime.ToLocal(utc, TimeZoneId).ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
