using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VibeCrm.Tenancy;
using VibeCrm.Web.Features.Customers;
using VibeCrm.Web.Features.Imports;

namespace VibeCrm.Web.Areas.Merchant.Pages.Customers;

/// <summary>
/// GET /{tenant}/admin/customers/export with the customer list's query string (q, status, tag, owner, dates, sort, dir) and ids
/// streams the filtered customers as a CSV file.
/// </summary>
public sealed class ExportModel(CustomerExporter exporter, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync([FromQuery] CustomerListQuery list, [FromQuery] string[]? ids, CancellationToken cancellationToken)
    {
        var filter = new CustomerExportFilter(list, ids);
        var tenant = HttpContext.RequireTenant();
        var today = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(tenant.TimeZoneId));
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"customers-{today:yyyy-MM-dd}.csv\"";
        Response.Headers.CacheControl = "no-store";
        await exporter.WriteAsync(filter, tenant.TimeZoneId, Response.Body, cancellationToken);
        return new EmptyResult();
    }
}
