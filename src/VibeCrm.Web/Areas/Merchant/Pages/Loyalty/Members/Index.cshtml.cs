using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VibeCrm.Tenancy;
using VibeCrm.Web.Features.Loyalty;

namespace VibeCrm.Web.Areas.Merchant.Pages.Loyalty.Members;

/// <summary>Members of a program: search as you type (htmx), filter by tier, paged in the database.</summary>
public sealed class IndexModel(ProgramSettingsService programs, LoyaltyMemberQueries members, LoyaltyLedger ledger) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public IReadOnlyList<ProgramRow> Programs { get; private set; } = [];

    public ProgramRow? Program { get; private set; }

    public IReadOnlyList<(int Id, string Name)> Tiers { get; private set; } = [];

    public MemberListPage Results { get; private set; } = new([], 0, 1, 25);

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "tier")]
    public int? TierId { get; set; }

    [BindProperty(SupportsGet = true, Name = "pg")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true, Name = "program")]
    public int? ProgramId { get; set; }

    public string TimeZoneId { get; private set; } = "UTC";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Programs = await programs.ListAsync(ct);
        Program = Programs.FirstOrDefault(p => p.Id == ProgramId) ?? (Programs.Count > 0 ? Programs[0] : null);
        if (Program is not null)
        {
            TimeZoneId = (await programs.FindAsync(Program.Id, ct))!.TimeZoneId;
            Tiers = await members.TiersAsync(Program.Id, ct);
            Results = await members.ListAsync(new MemberListQuery(Program.Id, Search, TierId, PageNumber), ct);
        }

        if (Request.IsHtmx() && !Request.IsHtmxBoosted())
        {
            Response.Headers.Vary = "HX-Request";
            return Partial("_MemberRows", this);
        }

        return Page();
    }

    /// <summary>Enrols a customer from the customer page (the sign-up bonus is credited) and opens the member page.</summary>
    public async Task<IActionResult> OnPostEnrolAsync(int customerId, int programId, CancellationToken ct)
    {
        var outcome = await ledger.JoinAsync(programId, customerId, ct);
        if (!outcome.Result.Succeeded)
        {
            StatusMessage = "Error: " + outcome.Result.Error;
            return LocalRedirect($"/{HttpContext.RequireTenant().Identifier}/admin/customers/details/{customerId}");
        }

        StatusMessage = outcome.Created ? "Enrolled in the program." : "Already a member of this program.";
        return LocalRedirect($"/{HttpContext.RequireTenant().Identifier}/admin/loyalty/members/details/{outcome.MembershipId}");
    }

    /// <summary>The list URL with the current filters and another page.</summary>
    public string Link(int page)
    {
        var query = new Dictionary<string, string?> { ["program"] = Program?.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["q"] = Search, ["tier"] = TierId?.ToString(System.Globalization.CultureInfo.InvariantCulture), ["pg"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(Request.Path, query.Where(kv => !string.IsNullOrEmpty(kv.Value)));
    }
}
