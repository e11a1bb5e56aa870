using System.Globalization;
using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Surveys;
using VibeCrm.Data.Tenants;
using VibeCrm.Web.Features.Interactions;

namespace VibeCrm.Web.Features.Surveys;

public sealed record ResultBar(string Label, int Count);

/// <summary>One free-text answer with its sentiment (null while the job has not scored it).</summary>
public sealed record FreeTextAnswer(long Id, string Text, DateTimeOffset SubmittedAt, int CustomerId, string? Label, float? Score);

public sealed record QuestionResult(
    int Id,
    int Number,
    QuestionKind Kind,
    string Text,
    int Answered,
    IReadOnlyList<ResultBar> Bars,
    NpsResult? Nps,
    CsatResult? Csat,
    IReadOnlyList<FreeTextAnswer> Texts,
    IReadOnlyList<ResultBar> Sentiment);

public sealed record MonthPoint(string Month, NpsResult Nps, CsatResult Csat);

public sealed record SurveyReport(
    int Id,
    string Name,
    SurveyStatus Status,
    int Version,
    int Invitations,
    int Responses,
    NpsResult Nps,
    CsatResult Csat,
    IReadOnlyList<QuestionResult> Questions,
    IReadOnlyList<MonthPoint> Trend)
{
    /// <summary>Responses per invitation sent, in %; null before anything was sent.</summary>
    public double? ResponseRate => Invitations == 0 ? null : Math.Round(100.0 * Responses / Invitations, 1);

    public bool HasNps => Questions.Any(q => q.Kind == QuestionKind.Nps);

    public bool HasCsat => Questions.Any(q => q.Kind == QuestionKind.Csat);
}

/// <summary>The results of one survey, aggregated in the database (counts per question and value).</summary>
public sealed class SurveyResults(TenantDbContext db)
{
    public const int TextsShown = 50;
    public const int TrendMonths = 24;

    public async Task<SurveyReport?> LoadAsync(int surveyId, string timeZoneId, CancellationToken ct)
    {
        var survey = await db.Surveys.AsNoTracking().Include(s => s.Questions).FirstOrDefaultAsync(s => s.Id == surveyId, ct);
        if (survey is null)
        {
            return null;
        }

        var invitations = await db.SurveyInvitations.CountAsync(i => i.SurveyId == surveyId && (i.Status == InvitationStatus.Sent || i.RespondedAt != null), ct);
        var responses = await db.SurveyResponses.CountAsync(r => r.SurveyId == surveyId, ct);
        var answers = db.SurveyAnswers.AsNoTracking().Where(a => db.SurveyResponses.Any(r => r.Id == a.ResponseId && r.SurveyId == surveyId));

        var numbers = await answers.Where(a => a.Number != null)
            .GroupBy(a => new { a.QuestionId, a.Number })
            .Select(g => new { g.Key.QuestionId, Value = g.Key.Number!.Value, Count = g.Count() })
            .ToListAsync(ct);
        var choices = await answers.Where(a => a.Choice != null)
            .GroupBy(a => new { a.QuestionId, a.Choice })
            .Select(g => new { g.Key.QuestionId, Choice = g.Key.Choice!, Count = g.Count() })
            .ToListAsync(ct);
        var choiceRespondents = await answers.Where(a => a.Choice != null)
            .GroupBy(a => a.QuestionId)
            .Select(g => new { QuestionId = g.Key, Count = g.Select(a => a.ResponseId).Distinct().Count() })
            .ToDictionaryAsync(g => g.QuestionId, g => g.Count, ct);
        var textStats = await answers.Where(a => a.Text != null)
            .GroupBy(a => new { a.QuestionId, a.SentimentLabel })
            .Select(g => new { g.Key.QuestionId, Label = g.Key.SentimentLabel, Count = g.Count() })
            .ToListAsync(ct);

        var questions = new List<QuestionResult>();
        foreach (var (q, index) in survey.Questions.OrderBy(q => q.Position).ThenBy(q => q.Id).Select((q, i) => (q, i)))
        {
            var counts = numbers.Where(n => n.QuestionId == q.Id).ToDictionary(n => n.Value, n => n.Count);
            switch (q.Kind)
            {
                case QuestionKind.Nps or QuestionKind.Csat:
                    var (min, max) = q.Kind == QuestionKind.Nps ? (0, 10) : (1, 5);
                    var bars = Enumerable.Range(min, max - min + 1).Select(v => new ResultBar(v.ToString(CultureInfo.InvariantCulture), counts.GetValueOrDefault(v))).ToList();
                    questions.Add(new QuestionResult(q.Id, index + 1, q.Kind, q.Text, counts.Values.Sum(), bars,
                        q.Kind == QuestionKind.Nps ? SurveyScores.Nps(counts) : null,
                        q.Kind == QuestionKind.Csat ? SurveyScores.Csat(counts) : null, [], []));
                    break;
                case QuestionKind.SingleChoice or QuestionKind.MultipleChoice:
                    var byChoice = choices.Where(c => c.QuestionId == q.Id).ToDictionary(c => c.Choice, c => c.Count, StringComparer.Ordinal);
                    var options = q.OptionList();
                    var optionBars = options.Select(o => new ResultBar(o, byChoice.GetValueOrDefault(o)))
                        .Concat(byChoice.Where(c => !options.Contains(c.Key, StringComparer.Ordinal)).Select(c => new ResultBar(c.Key, c.Value)))
                        .ToList();
                    questions.Add(new QuestionResult(q.Id, index + 1, q.Kind, q.Text, choiceRespondents.GetValueOrDefault(q.Id), optionBars, null, null, [], []));
                    break;
                default:
                    var stats = textStats.Where(t => t.QuestionId == q.Id).ToList();
                    var texts = await answers.Where(a => a.QuestionId == q.Id && a.Text != null)
                        .Join(db.SurveyResponses, a => a.ResponseId, r => r.Id, (a, r) => new { a.Id, a.Text, r.SubmittedAt, r.CustomerId, a.SentimentLabel, a.SentimentScore })
                        .OrderByDescending(x => x.SubmittedAt).ThenByDescending(x => x.Id)
                        .Take(TextsShown)
                        .Select(x => new FreeTextAnswer(x.Id, x.Text!, x.SubmittedAt, x.CustomerId, x.SentimentLabel, x.SentimentScore))
                        .ToListAsync(ct);
                    string[] labels = ["positive", "neutral", "negative"];
                    var sentiment = labels.Select(l => new ResultBar(l, stats.Where(s => s.Label == l).Sum(s => s.Count)))
                        .Append(new ResultBar("not scored yet", stats.Where(s => s.Label == null).Sum(s => s.Count)))
                        .ToList();
                    questions.Add(new QuestionResult(q.Id, index + 1, q.Kind, q.Text, stats.Sum(s => s.Count), [], null, null, texts, sentiment));
                    break;
            }
        }

        var npsIds = survey.Questions.Where(q => q.Kind == QuestionKind.Nps).Select(q => q.Id).ToHashSet();
        var csatIds = survey.Questions.Where(q => q.Kind == QuestionKind.Csat).Select(q => q.Id).ToHashSet();
        var nps = SurveyScores.Nps(numbers.Where(n => npsIds.Contains(n.QuestionId)).GroupBy(n => n.Value).Select(g => KeyValuePair.Create(g.Key, g.Sum(n => n.Count))));
        var csat = SurveyScores.Csat(numbers.Where(n => csatIds.Contains(n.QuestionId)).GroupBy(n => n.Value).Select(g => KeyValuePair.Create(g.Key, g.Sum(n => n.Count))));
        var trend = await TrendAsync(surveyId, npsIds, csatIds, timeZoneId, ct);
        return new SurveyReport(survey.Id, survey.Name, survey.Status, survey.Version, invitations, responses, nps, csat, questions, trend);
    }

    /// <summary>NPS and CSAT of every survey together, per month: the trend on the feedback dashboard.</summary>
    public async Task<IReadOnlyList<MonthPoint>> TenantTrendAsync(string timeZoneId, CancellationToken ct)
    {
        var questions = await db.SurveyQuestions.AsNoTracking()
            .Where(q => q.Kind == QuestionKind.Nps || q.Kind == QuestionKind.Csat)
            .Select(q => new { q.Id, q.Kind })
            .ToListAsync(ct);
        return await TrendAsync(
            null,
            [.. questions.Where(q => q.Kind == QuestionKind.Nps).Select(q => q.Id)],
            [.. questions.Where(q => q.Kind == QuestionKind.Csat).Select(q => q.Id)],
            timeZoneId,
            ct);
    }

    /// <summary>NPS and CSAT per calendar month (tenant time zone) of the last <see cref="TrendMonths"/> months with responses, of one survey or all.</summary>
    private async Task<IReadOnlyList<MonthPoint>> TrendAsync(int? surveyId, HashSet<int> npsIds, HashSet<int> csatIds, string timeZoneId, CancellationToken ct)
    {
        if (npsIds.Count + csatIds.Count == 0)
        {
            return [];
        }

        var responses = surveyId is { } id ? db.SurveyResponses.Where(r => r.SurveyId == id) : db.SurveyResponses;
        var latest = await responses.OrderByDescending(r => r.SubmittedAt).Select(r => (DateTimeOffset?)r.SubmittedAt).FirstOrDefaultAsync(ct);
        if (latest is null)
        {
            return [];
        }

        var lastMonth = TenantTime.ToLocal(latest.Value, timeZoneId);
        var firstMonth = new DateTime(lastMonth.Year, lastMonth.Month, 1, 0, 0, 0, DateTimeKind.Unspecified).AddMonths(-(TrendMonths - 1));
        var from = TenantTime.ToUtc(firstMonth, timeZoneId);
        var ids = npsIds.Concat(csatIds).ToList();

        // Two numbers per scored answer in the window: its question and value, and when it was submitted.
        var rows = await db.SurveyAnswers.AsNoTracking()
            .Where(a => ids.Contains(a.QuestionId) && a.Number != null)
            .Join(responses.Where(r => r.SubmittedAt >= from), a => a.ResponseId, r => r.Id, (a, r) => new { a.QuestionId, Value = a.Number!.Value, r.SubmittedAt })
            .ToListAsync(ct);
        return [.. rows
            .GroupBy(r => { var local = TenantTime.ToLocal(r.SubmittedAt, timeZoneId); return new DateOnly(local.Year, local.Month, 1); })
            .OrderBy(g => g.Key)
            .Select(g => new MonthPoint(
                g.Key.ToString("MMM yyyy", CultureInfo.InvariantCulture),
                SurveyScores.Nps(g.Where(r => npsIds.Contains(r.QuestionId)).Select(r => r.Value)),
                SurveyScores.Csat(g.Where(r => csatIds.Contains(r.QuestionId)).Select(r => r.Value))))];
    }
}
