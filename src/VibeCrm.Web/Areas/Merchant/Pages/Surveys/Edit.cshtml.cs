using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VibeCrm.Data.Surveys;
using VibeCrm.Web.Features.Surveys;

namespace VibeCrm.Web.Areas.Merchant.Pages.Surveys;

/// <summary>The builder: texts and status of a survey, and its questions (added, edited, reordered and removed with htmx).</summary>
public sealed class EditModel(SurveyBuilder builder, SurveyQueries queries) : PageModel
{
    public sealed class DetailsInput
    {
        public string? Name { get; set; }

        public string? Intro { get; set; }

        public string? ThankYou { get; set; }
    }

    [BindProperty]
    public DetailsInput Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public SurveyDraft Survey { get; private set; } = null!;

    public QuestionsView Questions { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input = new DetailsInput { Name = Survey.Name, Intro = Survey.Intro, ThankYou = Survey.ThankYou };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var result = await builder.UpdateDetailsAsync(id, Input.Name, Input.Intro, Input.ThankYou, ct);
        if (result.Succeeded)
        {
            StatusMessage = "Survey saved.";
            return RedirectToPage(new { id });
        }

        foreach (var (field, message) in result.Errors)
        {
            ModelState.AddModelError(field.Length == 0 ? "" : $"{nameof(Input)}.{field}", message);
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostAddQuestionAsync(int id, [FromForm(Name = "Question")] QuestionInput question, CancellationToken ct) =>
        QuestionChangeAsync(id, 0, question, () => builder.AddQuestionAsync(id, question, ct), "Question added.", ct);

    public Task<IActionResult> OnPostUpdateQuestionAsync(int id, int questionId, [FromForm(Name = "Question")] QuestionInput question, CancellationToken ct) =>
        QuestionChangeAsync(id, questionId, question, () => builder.UpdateQuestionAsync(id, questionId, question, ct), "Question saved.", ct);

    public Task<IActionResult> OnPostMoveAsync(int id, int questionId, int delta, CancellationToken ct) =>
        QuestionChangeAsync(id, null, null, () => builder.MoveQuestionAsync(id, questionId, delta, ct), delta < 0 ? "Question moved up." : "Question moved down.", ct);

    public Task<IActionResult> OnPostRemoveAsync(int id, int questionId, CancellationToken ct) =>
        QuestionChangeAsync(id, null, null, () => builder.RemoveQuestionAsync(id, questionId, ct), "Question removed.", ct);

    public Task<IActionResult> OnPostOpenAsync(int id, CancellationToken ct) =>
        StatusChangeAsync(id, () => builder.SetStatusAsync(id, SurveyStatus.Open, ct), "The survey is open: send it to your customers.");

    public Task<IActionResult> OnPostCloseAsync(int id, CancellationToken ct) =>
        StatusChangeAsync(id, () => builder.SetStatusAsync(id, SurveyStatus.Closed, ct), "The survey is closed: its links no longer take answers.");

    public async Task<IActionResult> OnPostDuplicateAsync(int id, CancellationToken ct)
    {
        var result = await builder.DuplicateAsync(id, ct);
        StatusMessage = result.Succeeded ? "This is the new version, a draft: change its questions, then send it." : "Error: " + result.Errors.Values.First();
        return RedirectToPage(new { id = result.Id ?? id });
    }

    private async Task<IActionResult> StatusChangeAsync(int id, Func<Task<BuilderResult>> change, string success)
    {
        var result = await change();
        StatusMessage = result.Succeeded ? success : "Error: " + result.Errors.Values.First();
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> QuestionChangeAsync(int id, int? formId, QuestionInput? input, Func<Task<BuilderResult>> change, string success, CancellationToken ct)
    {
        var result = await change();
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (result.Succeeded && !Request.IsHtmx())
        {
            StatusMessage = success;
            return RedirectToPage(new { id });
        }

        Questions = result.Succeeded
            ? Questions with { Message = success }
            : Questions with { ErrorFor = result.Errors.ContainsKey("") ? null : formId, Failed = input, Errors = result.Errors };
        if (Request.IsHtmx())
        {
            if (result.Succeeded)
            {
                Response.Htmx(h => h.WithTrigger("toast", new { message = success, level = "success" }));
            }

            return Partial("_Questions", Questions);
        }

        Input = new DetailsInput { Name = Survey.Name, Intro = Survey.Intro, ThankYou = Survey.ThankYou };
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await queries.DraftAsync(id, ct) is not { } survey)
        {
            return false;
        }

        Survey = survey;
        Questions = new QuestionsView(survey.Id, survey.Locked, survey.Questions);
        return true;
    }
}
