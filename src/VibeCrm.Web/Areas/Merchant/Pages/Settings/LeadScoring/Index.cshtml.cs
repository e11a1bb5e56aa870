using Hangfire;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VibeCrm.Web.Features;
using VibeCrm.Web.Features.Leads;

namespace VibeCrm.Web.Areas.Merchant.Pages.Settings.LeadScoring;

public sealed class IndexModel(LeadScoringService scoring, IBackgroundJobClient jobs) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public IReadOnlyList<ScoreRuleRow> Rules { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Rules = await scoring.RulesAsync(cancellationToken);

    /// <summary>Adds (id 0) or changes a rule, then rescores every lead in the background.</summary>
    public async Task<IActionResult> OnPostSaveAsync(int id, string? kind, string? argument, int points, int? maxPoints, bool isActive, CancellationToken cancellationToken)
    {
        var result = await scoring.SaveRuleAsync(id, kind, argument, points, maxPoints, isActive, cancellationToken);
        return Done(result, id == 0 ? "Rule added. Scores are being recomputed." : "Rule saved. Scores are being recomputed.");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken) =>
        Done(await scoring.DeleteRuleAsync(id, cancellationToken), "Rule deleted. Scores are being recomputed.");

    public IActionResult OnPostRecompute() => Done(CommandResult.Ok, "Scores are being recomputed.");

    private RedirectToPageResult Done(CommandResult result, string success)
    {
        if (result.Succeeded)
        {
            // The tenant scope of this request goes with the job (see TenantJobFilter).
            jobs.Enqueue<LeadRescoreJob>(j => j.RunAsync(CancellationToken.None));
        }

        StatusMessage = result.Succeeded ? success : "Error: " + result.Error;
        return RedirectToPage();
    }
}
