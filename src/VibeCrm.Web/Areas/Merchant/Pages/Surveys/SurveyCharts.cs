using System.Text.Json;
using VibeCrm.Web.Features.Surveys;

namespace VibeCrm.Web.Areas.Merchant.Pages.Surveys;

/// <summary>Chart.js configurations (for <c>&lt;canvas data-chart&gt;</c>) built from the survey's real counts.</summary>
public static class SurveyCharts
{
    public static string Bars(IReadOnlyList<ResultBar> bars, string label, bool horizontal = false) => JsonSerializer.Serialize(new
    {
        type = "bar",
        data = new
        {
            labels = bars.Select(b => b.Label),
            datasets = new[] { new { label, data = bars.Select(b => b.Count) } },
        },
        options = new
        {
            indexAxis = horizontal ? "y" : "x",
            plugins = new { legend = new { display = false } },
            scales = new { x = new { beginAtZero = true, ticks = new { precision = 0 } }, y = new { beginAtZero = true, ticks = new { precision = 0 } } },
        },
    });

    public static string Trend(IReadOnlyList<MonthPoint> points, bool nps, bool csat)
    {
        var datasets = new List<object>();
        if (nps)
        {
            datasets.Add(new { label = "NPS", data = points.Select(p => p.Nps.Score), spanGaps = true, tension = 0.3 });
        }

        if (csat)
        {
            datasets.Add(new { label = "CSAT %", data = points.Select(p => p.Csat.Score), spanGaps = true, tension = 0.3 });
        }

        return JsonSerializer.Serialize(new
        {
            type = "line",
            data = new { labels = points.Select(p => p.Month), datasets },
            options = new { scales = new { y = new { min = nps ? -100 : 0, max = 100 } } },
        });
    }
}
