using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VibeCrm.Tenancy;
using VibeCrm.Web.Features.Surveys;

namespace VibeCrm.Web.Areas.Merchant.Pages.Surveys;

public sealed class IndexModel(SurveyQueries queries, SurveyBuilder builder) : PageModel
{
    public sealed class NewSurveyInput
    {
        public string? Name { get; set; }
    }

    [BindProperty]
    public NewSurveyInput Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public IReadOnlyList<SurveyRow> Surveys { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Surveys = await queries.ListAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await builder.CreateAsync(Input.Name, null, null, ct);
        if (result.Succeeded)
        {
            StatusMessage = "Survey created. Add its questions.";
            return Redirect($"{Request.PathBase}/{HttpContext.RequireTenant().Identifier}/admin/surveys/edit/{result.Id}");
        }

        foreach (var (field, message) in result.Errors)
        {
            ModelState.AddModelError(field.Length == 0 ? "" : $"{nameof(Input)}.{field}", message);
        }

        Surveys = await queries.ListAsync(ct);
        return Page();
    }
}
