using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VibeCrm.Tenancy;
using VibeCrm.Web.Features.Audit;
using VibeCrm.Web.Features.Staff;

namespace VibeCrm.Web.Areas.Merchant.Pages.Audit;

public sealed record AuditRowsView(IReadOnlyList<AuditRow> Rows, string TimeZoneId, bool ShowEntity);

/// <summary>The audit trail of customers, interactions, opportunities and leads (managers and owners).</summary>
public sealed class IndexModel(AuditQueries audit, StaffOptions staffOptions) : PageModel
{
    public AuditFilter Filter { get; private set; } = new();

    public AuditPage Result { get; private set; } = new([], 1, false);

    public IReadOnlyList<StaffOption> Staff { get; private set; } = [];

    public string TimeZoneId => HttpContext.RequireTenant().TimeZoneId;

    public async Task OnGetAsync([FromQuery] AuditFilter filter, CancellationToken ct)
    {
        Filter = filter;
        if (filter.EntityType is not null && !AuditQueries.EntityTypes.Contains(filter.EntityType))
        {
            filter.EntityType = null;
        }

        Result = await audit.SearchAsync(filter, TimeZoneId, ct);
        Staff = await staffOptions.ActiveAsync(ct);
    }

    public string PageUrl(int page) => Url.Page("Index", new { Filter.EntityType, Filter.UserId, From = Filter.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), To = Filter.To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Page = page })!;
}
