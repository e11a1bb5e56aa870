using VibeCrm.Web.Features.Staff;
using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VibeCrm.Web.Features.Opportunities;
using VibeCrm.Web.Infrastructure.Auth;

namespace VibeCrm.Web.Areas.Merchant.Pages.Opportunities;

/// <summary>A card waiting for the reason it was lost before it moves to the Lost stage.</summary>
public sealed record PendingLost(int OpportunityId, int StageId, string Message);

public sealed record BoardView(Board Board, string? Owner, IReadOnlyList<StaffOption> Staff, PendingLost? Pending, string? Error);

public sealed record CardView(OpportunityCard Card, IReadOnlyList<StageRow> Stages, string? Owner, PendingLost? Pending);

public sealed class IndexModel(OpportunityQueries queries, OpportunityService opportunities, StaffOptions staff, TimeProvider clock) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Owner { get; set; }

    public BoardView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(null, null, cancellationToken);
        Response.Headers.Vary = "HX-Request";
        return Request.IsHtmx() && !Request.IsHtmxBoosted() ? Partial("_Board", View) : Page();
    }

    /// <summary>Drag and drop (htmx) and the "Move to…" form (plain post) both land here.</summary>
    public async Task<IActionResult> OnPostMoveAsync(int id, int stageId, int position, string? lostReason, CancellationToken cancellationToken)
    {
        var result = await opportunities.MoveAsync(id, stageId, position, lostReason, User.UserId(), cancellationToken);
        if (result.Outcome == MoveOutcome.Moved && !Request.IsHtmx())
        {
            StatusMessage = "Opportunity moved.";
            return RedirectToPage(new { owner = Owner });
        }

        var pending = result.Outcome == MoveOutcome.NeedsLostReason ? new PendingLost(id, stageId, result.Error!) : null;
        var error = result.Outcome is MoveOutcome.NotFound or MoveOutcome.Refused ? result.Error : null;
        await LoadAsync(pending, error, cancellationToken);
        return Request.IsHtmx() ? Partial("_Board", View) : Page();
    }

    private async Task LoadAsync(PendingLost? pending, string? error, CancellationToken cancellationToken)
    {
        var board = await queries.BoardAsync(new BoardFilter(Owner), User.UserId(), clock.GetUtcNow(), cancellationToken);
        View = new BoardView(board, Owner, await staff.ActiveAsync(cancellationToken), pending, error);
    }
}
