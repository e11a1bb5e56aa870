using VibeCrm.Web.Features.Staff;
using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VibeCrm.Web.Features.Opportunities;
using VibeCrm.Web.Infrastructure.Auth;

namespace VibeCrm.Web.Areas.Merchant.Pages.Opportunities;

public sealed record OpportunityListView(OpportunityPage Page, OpportunityListFilter Filter);

public sealed class ListModel(OpportunityQueries queries, PipelineStages stages, StaffOptions staff) : PageModel
{
    public IReadOnlyList<StageRow> Stages { get; private set; } = [];

    public IReadOnlyList<StaffOption> Staff { get; private set; } = [];

    public OpportunityListView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(
        int? stageId, string? owner, OpportunityStatus? status, DateOnly? closeFrom, DateOnly? closeTo, string? sort, int page = 1,
        CancellationToken cancellationToken = default)
    {
        var filter = new OpportunityListFilter(stageId, owner, status ?? OpportunityStatus.Any, closeFrom, closeTo,
            OpportunityQueries.Sorts.Contains(sort) ? sort : null, page);
        View = new OpportunityListView(await queries.ListAsync(filter, User.UserId(), cancellationToken), filter);
        Response.Headers.Vary = "HX-Request";
        if (Request.IsHtmx() && !Request.IsHtmxBoosted())
        {
            return Partial("_OpportunityRows", View);
        }

        Stages = await stages.ListAsync(false, cancellationToken);
        Staff = await staff.ActiveAsync(cancellationToken);
        return Page();
    }
}
