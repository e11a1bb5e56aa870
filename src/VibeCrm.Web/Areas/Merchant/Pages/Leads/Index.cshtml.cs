using VibeCrm.Web.Features.Staff;
using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VibeCrm.Data.Crm;
using VibeCrm.Web.Features.Leads;
using VibeCrm.Web.Features.Opportunities;
using VibeCrm.Web.Infrastructure.Auth;

namespace VibeCrm.Web.Areas.Merchant.Pages.Leads;

public sealed record LeadListView(LeadPage Page, LeadFilter Filter);

public sealed class IndexModel(LeadQueries queries, StaffOptions staff) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public IReadOnlyList<StaffOption> Staff { get; private set; } = [];

    public LeadListView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(
        string? q, LeadStatus? status, LeadSource? source, string? owner, int? minScore, int? maxScore, string? sort, int page = 1,
        CancellationToken cancellationToken = default)
    {
        var filter = new LeadFilter(q?.Trim(), status, source, owner, minScore, maxScore, LeadQueries.Sorts.Contains(sort) ? sort : null, page);
        View = new LeadListView(await queries.ListAsync(filter, User.UserId(), cancellationToken), filter);
        Response.Headers.Vary = "HX-Request";
        if (Request.IsHtmx() && !Request.IsHtmxBoosted())
        {
            return Partial("_LeadRows", View);
        }

        Staff = await staff.ActiveAsync(cancellationToken);
        return Page();
    }
}
