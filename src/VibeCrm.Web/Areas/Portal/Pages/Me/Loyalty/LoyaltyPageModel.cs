using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VibeCrm.Tenancy;
using VibeCrm.Web.Features.Loyalty.Portal;
using VibeCrm.Web.Infrastructure.Auth;

namespace VibeCrm.Web.Areas.Portal.Pages.Me.Loyalty;

/// <summary>
/// The loyalty pages of a signed-in member: resolves the member's customer, their programs and the selected one
/// (<c>?program=ID</c>, else their first program). A program the member does not belong to is not found.
/// </summary>
public abstract class LoyaltyPageModel(MemberLoyaltyService members) : PageModel
{
    /// <summary>The query parameter that carries the selected program.</summary>
    public const string ProgramQuery = "program";

    protected MemberLoyaltyService Members { get; } = members;

    [TempData]
    public string? StatusMessage { get; set; }

    protected PortalMember Member { get; private set; } = new(0, []);

    /// <summary>The selected program; only set after <see cref="LoadAsync"/> with a membership required.</summary>
    public MemberProgram? Selected { get; private set; }

    /// <summary>True when active programs are open that the member has not joined.</summary>
    public bool CanJoinAnother { get; private set; }

    /// <summary>The membership id; only valid after <see cref="LoadAsync"/> with a membership required.</summary>
    protected int MembershipId => Selected?.MembershipId ?? 0;

    /// <summary>True when the URL names a program (else the member's first program was selected).</summary>
    protected bool ProgramAsked => Request.Query.ContainsKey(ProgramQuery);

    public string TenantPath => "/" + HttpContext.RequireTenant().Identifier;

    public string TimeZoneId => HttpContext.RequireTenant().TimeZoneId;

    /// <summary>Null when the page can go on; otherwise where to send the member (not linked yet, not joined, not their program).</summary>
    protected async Task<IActionResult?> LoadAsync(bool requireMembership, CancellationToken ct)
    {
        var outcome = await Members.CurrentAsync(User.UserId(), ct);
        if (outcome.Member is not { } member)
        {
            StatusMessage = "Error: " + outcome.Result.Error;
            return Redirect(TenantPath + "/me");
        }

        Member = member;
        if (!requireMembership)
        {
            return null;
        }

        if (member.Programs.Count == 0)
        {
            return Redirect(TenantPath + "/me/loyalty/join");
        }

        int? programId = null;
        if (ProgramAsked)
        {
            if (!int.TryParse(Request.Query[ProgramQuery].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var asked))
            {
                return NotFound();
            }

            programId = asked;
        }

        if (member.Select(programId) is not { } selected)
        {
            return NotFound(); // not a program of this member (or not active)
        }

        Selected = selected;
        CanJoinAnother = await Members.OpenProgramCountAsync(ct) > member.Programs.Count;
        return null;
    }

    /// <summary>Selects another of the member's memberships (e.g. the one a code belongs to); false when it is not theirs.</summary>
    protected bool SelectMembership(int membershipId)
    {
        if (Member.Programs.FirstOrDefault(p => p.MembershipId == membershipId) is not { } program)
        {
            return false;
        }

        Selected = program;
        return true;
    }

    /// <summary>A loyalty page of the selected program: <c>/{tenant}/me/loyalty/{page}?program=ID&amp;{query}</c>.</summary>
    public string LoyaltyUrl(string page = "", string? query = null) =>
        ProgramUrl(TenantPath, Member.Programs.Count > 1 ? Selected?.ProgramId : null, page, query);

    /// <summary>
    /// A loyalty page URL. The program is only named when given (the pages pass it when the member has several programs,
    /// so a member of one program keeps plain URLs).
    /// </summary>
    public static string ProgramUrl(string tenantPath, int? programId, string page = "", string? query = null)
    {
        var path = $"{tenantPath}/me/loyalty{(page.Length > 0 ? "/" + page : "")}";
        var parts = new List<string>(2);
        if (programId is { } id)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{ProgramQuery}={id}"));
        }

        if (!string.IsNullOrEmpty(query))
        {
            parts.Add(query);
        }

        return parts.Count == 0 ? path : path + "?" + string.Join('&', parts);
    }

    /// <summary>The tabs and the program switcher, with <paramref name="active"/> the current tab.</summary>
    public LoyaltyNavModel Nav(string active) =>
        new(active, TenantPath, Member.Programs, Selected?.ProgramId ?? 0, CanJoinAnother);

    public string Local(DateTimeOffset utc) => Features.Interactions.TenantTime.Format(utc, TimeZoneId);

    public string LocalDate(DateTimeOffset utc) =>
        Features.Interactions.TenantTime.ToLocal(utc, TimeZoneId).ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
