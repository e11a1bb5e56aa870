using System.Globalization;
using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Feedback;
using VibeCrm.Data.Tenants;
using VibeCrm.Web.Features.Interactions;

namespace VibeCrm.Web.Features.Feedback;

/// <summary>One calendar month (tenant time) of feedback figures. Averages are null when nothing was measured.</summary>
public sealed record FeedbackMonth(
    string Label, IReadOnlyDictionary<FeedbackType, int> ByType, int Positive, int Neutral, int Negative, double? AverageScore,
    double? AverageRating, double? FirstResponseHours, double? ResolutionHours, int Resolved, double? Csat, int CsatAnswers)
{
    public int Total => ByType.Values.Sum();
}

/// <summary>The figures for a period: totals and the metrics of the workflow.</summary>
public sealed record FeedbackTotals(
    int Items, int Reviews, double? AverageRating, int Resolved, double ResolutionRate, double? FirstResponseHours, double? ResolutionHours,
    double? Csat, int CsatAnswers, int CsatSatisfied, int Positive, int Neutral, int Negative, int Unscored);

public sealed record FeedbackDashboardData(IReadOnlyList<FeedbackMonth> Months, FeedbackTotals Totals, IReadOnlyList<(string Topic, int Count)> Topics);

/// <summary>
/// The feedback dashboard, computed in the database month by month (one grouped query per month and a grouped topic
/// count), so it stays cheap however many items there are. Sentiment uses the staff correction where there is one.
/// </summary>
public sealed class FeedbackDashboard(TenantDbContext db, TimeProvider clock)
{
    public async Task<FeedbackDashboardData> BuildAsync(int months, string timeZoneId, CancellationToken ct)
    {
        months = Math.Clamp(months, 1, 24);
        var local = TenantTime.ToLocal(clock.GetUtcNow(), timeZoneId);
        var firstMonth = new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified).AddMonths(-(months - 1));
        var list = new List<FeedbackMonth>(months);
        var groups = new List<Group>();
        for (var m = 0; m < months; m++)
        {
            var startLocal = firstMonth.AddMonths(m);
            var start = TenantTime.ToUtc(startLocal, timeZoneId);
            var end = TenantTime.ToUtc(startLocal.AddMonths(1), timeZoneId);
            var rows = await GroupAsync(start, end, ct);
            groups.AddRange(rows);
            list.Add(Month(startLocal.ToString("MMM yyyy", CultureInfo.InvariantCulture), rows));
        }

        var rangeStart = TenantTime.ToUtc(firstMonth, timeZoneId);
        var topics = await TopicsAsync(rangeStart, ct);
        return new FeedbackDashboardData(list, Totals(groups), topics);
    }

    /// <summary>The totals of items created in [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public async Task<FeedbackTotals> TotalsAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken ct) => Totals(await GroupAsync(start, end, ct));

    private sealed record Group(
        FeedbackType Type, int Count, int Positive, int Neutral, int Negative, int Scored, double ScoreSum, int Rated, long RatingSum,
        int Responded, long ResponseMinutes, int Resolved, long ResolutionMinutes, int CsatAnswers, long CsatSum, int CsatSatisfied);

    private async Task<List<Group>> GroupAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken ct) =>
        await db.FeedbackItems.AsNoTracking()
            .Where(i => i.CreatedAt >= start && i.CreatedAt < end)
            .GroupBy(i => i.Type)
            .Select(g => new Group(
                g.Key,
                g.Count(),
                g.Count(i => (i.CorrectedLabel ?? i.SentimentLabel) == "positive"),
                g.Count(i => (i.CorrectedLabel ?? i.SentimentLabel) == "neutral"),
                g.Count(i => (i.CorrectedLabel ?? i.SentimentLabel) == "negative"),
                g.Count(i => i.SentimentScore != null),
                g.Sum(i => (double?)i.SentimentScore) ?? 0,
                g.Count(i => i.Rating != null),
                g.Sum(i => (long?)i.Rating) ?? 0,
                g.Count(i => i.FirstResponseMinutes != null),
                g.Sum(i => (long?)i.FirstResponseMinutes) ?? 0,
                g.Count(i => i.ResolutionMinutes != null),
                g.Sum(i => (long?)i.ResolutionMinutes) ?? 0,
                g.Count(i => i.CsatRating != null),
                g.Sum(i => (long?)i.CsatRating) ?? 0,
                g.Count(i => i.CsatRating >= 4)))
            .ToListAsync(ct);

    private static FeedbackMonth Month(string label, List<Group> rows)
    {
        var byType = Enum.GetValues<FeedbackType>().ToDictionary(t => t, t => rows.Where(r => r.Type == t).Sum(r => r.Count));
        var reviews = rows.Where(r => r.Type == FeedbackType.Review).ToList();
        return new FeedbackMonth(
            label, byType, rows.Sum(r => r.Positive), rows.Sum(r => r.Neutral), rows.Sum(r => r.Negative),
            Average(rows.Sum(r => r.ScoreSum), rows.Sum(r => r.Scored)),
            Average(reviews.Sum(r => r.RatingSum), reviews.Sum(r => r.Rated)),
            Hours(rows.Sum(r => r.ResponseMinutes), rows.Sum(r => r.Responded)),
            Hours(rows.Sum(r => r.ResolutionMinutes), rows.Sum(r => r.Resolved)),
            rows.Sum(r => r.Resolved),
            Average(rows.Sum(r => r.CsatSum), rows.Sum(r => r.CsatAnswers)),
            rows.Sum(r => r.CsatAnswers));
    }

    private static FeedbackTotals Totals(List<Group> rows)
    {
        var items = rows.Sum(r => r.Count);
        var reviews = rows.Where(r => r.Type == FeedbackType.Review).ToList();
        var resolved = rows.Sum(r => r.Resolved);
        var scored = rows.Sum(r => r.Positive + r.Neutral + r.Negative);
        return new FeedbackTotals(
            items,
            reviews.Sum(r => r.Count),
            Average(reviews.Sum(r => r.RatingSum), reviews.Sum(r => r.Rated)),
            resolved,
            items == 0 ? 0 : (double)resolved / items,
            Hours(rows.Sum(r => r.ResponseMinutes), rows.Sum(r => r.Responded)),
            Hours(rows.Sum(r => r.ResolutionMinutes), rows.Sum(r => r.Resolved)),
            Average(rows.Sum(r => r.CsatSum), rows.Sum(r => r.CsatAnswers)),
            rows.Sum(r => r.CsatAnswers),
            rows.Sum(r => r.CsatSatisfied),
            rows.Sum(r => r.Positive),
            rows.Sum(r => r.Neutral),
            rows.Sum(r => r.Negative),
            items - scored);
    }

    /// <summary>Topic mentions since <paramref name="start"/>, most mentioned first (grouped by the stored topic set, split here).</summary>
    private async Task<IReadOnlyList<(string, int)>> TopicsAsync(DateTimeOffset start, CancellationToken ct)
    {
        var sets = await db.FeedbackItems.AsNoTracking()
            .Where(i => i.CreatedAt >= start && i.Topics != null)
            .GroupBy(i => i.Topics)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(ct);
        return [.. sets
            .SelectMany(s => FeedbackRules.UnpackTopics(s.Key).Select(t => (Topic: t, s.Count)))
            .GroupBy(t => t.Topic, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Sum(t => t.Count)))
            .OrderByDescending(t => t.Item2).ThenBy(t => t.Key, StringComparer.Ordinal)
            .Take(10)];
    }

    private static double? Average(double sum, int count) => count == 0 ? null : sum / count;

    private static double? Hours(long minutes, int count) => count == 0 ? null : minutes / 60.0 / count;
}
