using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VibeCrm.Tenancy;
using VibeCrm.Web.Features.Interactions;
using VibeCrm.Web.Features.Surveys;

namespace VibeCrm.Web.Areas.Merchant.Pages.Surveys;

/// <summary>GET /{tenant}/admin/surveys/export/{id}: the responses as CSV (formula-escaped).</summary>
public sealed class ExportModel(SurveyExport export, SurveyQueries queries, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await queries.DraftAsync(id, ct) is null)
        {
            return NotFound();
        }

        var tenant = HttpContext.RequireTenant();
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"survey-{id}-responses-{TenantTime.Today(clock, tenant.TimeZoneId):yyyy-MM-dd}.csv\"";
        Response.Headers.CacheControl = "no-store";
        await export.WriteAsync(id, tenant.TimeZoneId, Response.Body, ct);
        return new EmptyResult();
    }
}
