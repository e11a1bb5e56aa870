using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VibeCrm.Web.Features.Surveys;

namespace VibeCrm.Web.Areas.Merchant.Pages.Surveys;

/// <summary>The survey as a recipient sees it, with the fields disabled.</summary>
public sealed class PreviewModel(SurveyQueries queries) : PageModel
{
    public SurveyDraft Survey { get; private set; } = null!;

    public SurveyForm Form { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await queries.DraftAsync(id, ct) is not { } survey || await queries.FormAsync(id, ct) is not { } form)
        {
            return NotFound();
        }

        (Survey, Form) = (survey, form);
        return Page();
    }
}
