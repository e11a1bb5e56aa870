using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VibeCrm.Tenancy;
using VibeCrm.Web.Features.Interactions;
using VibeCrm.Web.Features.Loyalty;

namespace VibeCrm.Web.Areas.Merchant.Pages.Loyalty;

/// <summary>Outstanding points × redemption value by program, active and pending apart; <c>?handler=Csv</c> downloads it.</summary>
public sealed class LiabilityModel(LoyaltyReports reports, TimeProvider clock) : PageModel
{
    public IReadOnlyList<LiabilityRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rows = await reports.LiabilityAsync(ct);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var rows = await reports.LiabilityAsync(ct);
        var today = TenantTime.Today(clock, HttpContext.RequireTenant().TimeZoneId);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"loyalty-liability-{today:yyyy-MM-dd}.csv\"";
        Response.Headers.CacheControl = "no-store";
        await LiabilityExport.WriteAsync(Response.Body, rows, ct);
        return new EmptyResult();
    }
}
