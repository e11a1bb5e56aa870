using Microsoft.AspNetCore.Mvc.RazorPages;
using VibeCrm.Tenancy;
using VibeCrm.Web.Features.Leads;

namespace VibeCrm.Web.Areas.Merchant.Pages.Leads;

public sealed class ReportModel(LeadQueries queries) : PageModel
{
    public DateOnly? From { get; private set; }

    public DateOnly? To { get; private set; }

    public ConversionReport Report { get; private set; } = null!;

    /// <summary>Leads created from <paramref name="from"/> to <paramref name="to"/> inclusive, in the tenant's time zone.</summary>
    public async Task OnGetAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        From = from;
        To = to;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(HttpContext.RequireTenant().TimeZoneId);
        Report = await queries.ReportAsync(StartOf(from, zone), StartOf(to?.AddDays(1), zone), cancellationToken);
    }

    private static DateTimeOffset? StartOf(DateOnly? day, TimeZoneInfo zone)
    {
        if (day is not { } d)
        {
            return null;
        }

        var local = d.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
