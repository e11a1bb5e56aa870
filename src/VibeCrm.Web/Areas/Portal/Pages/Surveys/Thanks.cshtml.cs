using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VibeCrm.Tenancy;
using VibeCrm.Web.Features.Surveys;

namespace VibeCrm.Web.Areas.Portal.Pages.Surveys;

/// <summary>GET /{tenant}/s/{token}/thanks: the survey's thank-you text once the link was answered.</summary>
public sealed class ThanksModel(SurveyAnswering answering) : PageModel
{
    public SurveyVisit Visit { get; private set; } = new(LinkState.Invalid);

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        Visit = await answering.OpenAsync(token, ct);
        if (Visit.State is LinkState.Ready)
        {
            return Redirect($"{Request.PathBase}/{HttpContext.RequireTenant().Identifier}/s/{Uri.EscapeDataString(token)}");
        }

        SurveyLinkResponse.Apply(Response, Visit.State);
        return Page();
    }
}
