using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VibeCrm.Tenancy;
using VibeCrm.Web.Features.Surveys;

namespace VibeCrm.Web.Areas.Merchant.Pages.Surveys;

/// <summary>Responses, response rate, NPS, CSAT, a per-question breakdown, free text with sentiment and the monthly trend.</summary>
public sealed class ResultsModel(SurveyResults results) : PageModel
{
    public SurveyReport Report { get; private set; } = null!;

    public string TimeZoneId { get; private set; } = "UTC";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        TimeZoneId = HttpContext.RequireTenant().TimeZoneId;
        if (await results.LoadAsync(id, TimeZoneId, ct) is not { } report)
        {
            return NotFound();
        }

        Report = report;
        return Page();
    }

    /// <summary>htmx polling: the free-text answers of one question, until every one is scored.</summary>
    public async Task<IActionResult> OnGetTextsAsync(int id, int questionId, CancellationToken ct)
    {
        TimeZoneId = HttpContext.RequireTenant().TimeZoneId;
        var question = (await results.LoadAsync(id, TimeZoneId, ct))?.Questions.FirstOrDefault(q => q.Id == questionId);
        if (question is null)
        {
            return NotFound();
        }

        Response.Headers.Vary = "HX-Request";
        return Request.IsHtmx() ? Partial("_FreeText", new FreeTextView(id, question, TimeZoneId)) : RedirectToPage(new { id });
    }
}

public sealed record FreeTextView(int SurveyId, QuestionResult Question, string TimeZoneId)
{
    public bool Pending => Question.Texts.Any(t => t.Label is null);
}
