using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VibeCrm.Data.Loyalty;
using VibeCrm.Web.Features.Loyalty;
using Actor = VibeCrm.Web.Features.Interactions.StaffActor;

namespace VibeCrm.Web.Areas.Merchant.Pages.Loyalty.Members;

/// <summary>
/// One membership: balance, tier and its history, the ledger (paged with htmx), open lots, redemptions (an unused code
/// can be cancelled) and the manual adjustment, which only managers and owners see and may post (others get 403).
/// </summary>
public sealed class DetailsModel(
    LoyaltyMemberQueries members, LoyaltyLedger ledger, TierService tiers, RewardRedemptions redemptions) : PageModel
{
    public sealed class AdjustInput
    {
        public int? Points { get; set; }

        public string? Reason { get; set; }
    }

    [BindProperty]
    public AdjustInput Adjust { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public MemberHeader Member { get; private set; } = null!;

    public TierStatus? Tier { get; private set; }

    public IReadOnlyList<TierChangeRow> TierHistory { get; private set; } = [];

    public LedgerPage Ledger { get; private set; } = null!;

    public IReadOnlyList<LotRow> Lots { get; private set; } = [];

    public IReadOnlyList<RedemptionView> Redemptions { get; private set; } = [];

    public bool CanAdjust => Actor.From(User).IsManager;

    public async Task<IActionResult> OnGetAsync(int id, int? pg, CancellationToken ct) =>
        await LoadAsync(id, pg ?? 1, ct) ? Page() : NotFound();

    /// <summary>htmx: another page of the ledger.</summary>
    public async Task<IActionResult> OnGetLedgerAsync(int id, int? pg, CancellationToken ct)
    {
        if (await members.HeaderAsync(id, ct) is not { } member)
        {
            return NotFound();
        }

        Member = member;
        Ledger = await members.LedgerAsync(id, pg ?? 1, ct);
        Response.Headers.Vary = "HX-Request";
        return Partial("_Ledger", this);
    }

    public async Task<IActionResult> OnPostAdjustAsync(int id, CancellationToken ct)
    {
        var actor = Actor.From(User);
        if (!actor.IsManager)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (await members.HeaderAsync(id, ct) is null)
        {
            return NotFound();
        }

        var outcome = Adjust.Points is { } points && ModelState.IsValid
            ? await ledger.AdjustAsync(id, points, Adjust.Reason, new StaffActor(actor.UserId, actor.IsManager), ct)
            : LedgerOutcome.Fail("Enter a whole number of points: positive to credit, negative to take back.", LoyaltyErrors.InvalidInput);
        if (outcome.Result.Succeeded)
        {
            StatusMessage = $"Adjustment of {Adjust.Points:+#;-#} recorded.";
            return RedirectToPage(new { id });
        }

        ModelState.AddModelError(outcome.Result.Code == LoyaltyErrors.ReasonRequired ? "Adjust.Reason" : "Adjust.Points", outcome.Result.Error!);
        await LoadAsync(id, 1, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(int id, string? code, CancellationToken ct)
    {
        var mine = (await redemptions.ListForMemberAsync(id, ct)).FirstOrDefault(r => r.Code == code);
        if (mine is null)
        {
            StatusMessage = "Error: this member has no such code.";
            return RedirectToPage(new { id });
        }

        var result = await redemptions.CancelAsync(mine.Code, ct);
        StatusMessage = result.Succeeded ? $"Code {mine.Code} cancelled; {mine.Points} points returned." : "Error: " + result.Error;
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, int page, CancellationToken ct)
    {
        if (await members.HeaderAsync(id, ct) is not { } member)
        {
            return false;
        }

        Member = member;
        Tier = await tiers.GetStatusAsync(id, ct);
        TierHistory = await tiers.GetHistoryAsync(id, ct);
        Ledger = await members.LedgerAsync(id, page, ct);
        Lots = await ledger.GetOpenLotsAsync(id, ct);
        Redemptions = await redemptions.ListForMemberAsync(id, ct);
        return true;
    }
}
