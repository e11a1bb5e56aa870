using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VibeCrm.Data.Feedback;
using VibeCrm.Tenancy;
using VibeCrm.Web.Areas.Merchant.Pages.Surveys;
using VibeCrm.Web.Features.Feedback;
using VibeCrm.Web.Features.Surveys;

namespace VibeCrm.Web.Areas.Merchant.Pages.Feedback;

/// <summary>Twelve months of feedback: volume, sentiment, response and resolution times, topics, rating and CSAT, from the database.</summary>
public sealed class DashboardModel(FeedbackDashboard dashboard, SurveyResults surveys) : PageModel
{
    public const int Months = 12;

    public FeedbackDashboardData Data { get; private set; } = null!;

    /// <summary>NPS and CSAT of all surveys per month (empty when no survey has scale answers yet).</summary>
    public IReadOnlyList<MonthPoint> SurveyTrend { get; private set; } = [];

    public string SurveyTrendChart => SurveyCharts.Trend(SurveyTrend, nps: SurveyTrend.Any(p => p.Nps.Total > 0), csat: SurveyTrend.Any(p => p.Csat.Total > 0));

    public string TenantSlug { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var tenant = HttpContext.RequireTenant();
        TenantSlug = tenant.Identifier;
        var zone = tenant.TimeZoneId;
        Data = await dashboard.BuildAsync(Months, zone, ct);
        SurveyTrend = await surveys.TenantTrendAsync(zone, ct);
    }

    private IEnumerable<string> Labels => Data.Months.Select(m => m.Label);

    public string VolumeChart => Chart("bar", new
    {
        labels = Labels,
        datasets = Enum.GetValues<FeedbackType>().Select(t => new { label = t.ToString(), data = Data.Months.Select(m => m.ByType[t]), stack = "volume" }),
    }, new { scales = new { x = new { stacked = true }, y = new { stacked = true, beginAtZero = true, ticks = new { precision = 0 } } } });

    public string SentimentChart => Chart("bar", new
    {
        labels = Labels,
        datasets = new object[]
        {
            new { type = "bar", label = "Positive", data = Data.Months.Select(m => m.Positive), stack = "s", yAxisID = "y" },
            new { type = "bar", label = "Neutral", data = Data.Months.Select(m => m.Neutral), stack = "s", yAxisID = "y" },
            new { type = "bar", label = "Negative", data = Data.Months.Select(m => m.Negative), stack = "s", yAxisID = "y" },
            new { type = "line", label = "Average score", data = Data.Months.Select(m => Round(m.AverageScore)), yAxisID = "score" },
        },
    }, new { scales = new { x = new { stacked = true }, y = new { stacked = true, beginAtZero = true, ticks = new { precision = 0 } }, score = new { position = "right", min = -1, max = 1, grid = new { drawOnChartArea = false } } } });

    public string TimesChart => Chart("line", new
    {
        labels = Labels,
        datasets = new object[]
        {
            new { label = "First response (hours)", data = Data.Months.Select(m => Round(m.FirstResponseHours)) },
            new { label = "Resolution (hours)", data = Data.Months.Select(m => Round(m.ResolutionHours)) },
        },
    }, new { scales = new { y = new { beginAtZero = true } } });

    public string RatingChart => Chart("line", new
    {
        labels = Labels,
        datasets = new object[]
        {
            new { label = "Average rating (1–5)", data = Data.Months.Select(m => Round(m.AverageRating)) },
            new { label = "CSAT after resolution (1–5)", data = Data.Months.Select(m => Round(m.Csat)) },
        },
    }, new { scales = new { y = new { min = 1, max = 5 } } });

    public string TopicsChart => Chart("bar", new
    {
        labels = Data.Topics.Select(t => t.Topic),
        datasets = new[] { new { label = "Mentions", data = Data.Topics.Select(t => t.Count) } },
    }, new { indexAxis = "y", scales = new { x = new { beginAtZero = true, ticks = new { precision = 0 } } } });

    public static string Number(double? value, string format = "0.0") => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "–";

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 2) : null;

    private static string Chart(string type, object data, object options) => JsonSerializer.Serialize(new { type, data, options });
}
