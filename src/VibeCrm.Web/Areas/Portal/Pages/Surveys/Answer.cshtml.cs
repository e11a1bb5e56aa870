using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VibeCrm.Tenancy;
using VibeCrm.Web.Features.Surveys;

namespace VibeCrm.Web.Areas.Portal.Pages.Surveys;

/// <summary>
/// GET/POST /{tenant}/s/{token}: the public answer page of an emailed survey link. No login; the signed token says which
/// invitation it is. Tampered, expired, closed and already answered links each get their own clear page.
/// </summary>
public sealed class AnswerModel(SurveyAnswering answering) : PageModel
{
    public SurveyVisit Visit { get; private set; } = new(LinkState.Invalid);

    public AnswerSheet Sheet { get; private set; } = AnswerSheet.Empty;

    public string Token { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        Token = token;
        Visit = await answering.OpenAsync(token, ct);
        return Show();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        Token = token;
        var values = new Dictionary<int, IReadOnlyList<string>>();
        foreach (var (key, value) in Request.Form)
        {
            if (key.Length > 1 && key[0] == 'q' && int.TryParse(key.AsSpan(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
            {
                values[id] = [.. value.Select(v => v ?? "")];
            }
        }

        var outcome = await answering.SubmitAsync(token, values, ct);
        if (outcome.Saved)
        {
            return Redirect($"{Request.PathBase}/{HttpContext.RequireTenant().Identifier}/s/{Uri.EscapeDataString(token)}/thanks");
        }

        Visit = outcome.Visit;
        Sheet = outcome.Sheet;
        return Show();
    }

    private PageResult Show()
    {
        SurveyLinkResponse.Apply(Response, Visit.State);
        return Page();
    }
}
