using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VibeCrm.Web.Features.Surveys;

namespace VibeCrm.Web.Areas.Merchant.Pages.Surveys;

/// <summary>Choose the recipients (all with consent, a tag, or picked customers), see how many, and send.</summary>
public sealed class SendModel(SurveyQueries queries, SurveyAudience audience, SurveySender sender) : PageModel
{
    [BindProperty]
    public AudienceInput Input { get; set; } = new();

    /// <summary>Name or email typed in the picker.</summary>
    [BindProperty]
    public string? Search { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public SurveyDraft Survey { get; private set; } = null!;

    public AudienceCount Count { get; private set; } = new(0, 0, null);

    public IReadOnlyList<AudienceCandidate> Candidates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>Counts the recipients (and searches the picker) without sending; htmx gets the count alone.</summary>
    public async Task<IActionResult> OnPostCountAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        return Request.IsHtmx() ? Partial("_AudienceCount", Count) : Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var baseUrl = $"{Request.Scheme}://{Request.Host}{Request.PathBase}";
        var result = await sender.SendAsync(id, Input, baseUrl, ct);
        if (result.Succeeded)
        {
            StatusMessage = result.Invited == 0
                ? $"Nobody new to email: all {result.AlreadyInvited:N0} recipients were already invited to this survey."
                : $"Sending the survey to {result.Invited:N0} customer{(result.Invited == 1 ? "" : "s")}." +
                  (result.AlreadyInvited > 0 ? $" {result.AlreadyInvited:N0} already invited are not emailed again." : "");
            return RedirectToPage(new { id });
        }

        ModelState.AddModelError("", result.Error!);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await queries.DraftAsync(id, ct) is not { } survey)
        {
            return false;
        }

        Survey = survey;
        Count = await audience.CountAsync(id, Input, ct);
        var picked = await audience.FindAsync(Input.PickedIds(), ct);
        var found = await audience.SearchAsync(Search, ct);
        Candidates = [.. picked.Concat(found.Where(f => picked.All(p => p.Id != f.Id)))];
        return true;
    }
}
