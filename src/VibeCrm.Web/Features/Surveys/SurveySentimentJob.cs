using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Tenants;
using VibeCrm.Web.Features.Sentiment;

namespace VibeCrm.Web.Features.Surveys;

/// <summary>
/// Scores the free-text answers of a response (or every unscored one, for bulk rescoring) through the tenant's
/// <see cref="ISentimentAnalyzer"/>. Runs in the tenant of the job; already scored answers are left alone, so a retry is harmless.
/// </summary>
public sealed partial class SurveySentimentJob(TenantDbContext db, ISentimentAnalyzer analyzer, TimeProvider clock, ILogger<SurveySentimentJob> logger)
{
    private const int Batch = 500;

    public Task RunAsync(int responseId, CancellationToken cancellationToken) => ScoreAsync(responseId, cancellationToken);

    /// <summary>Every free-text answer not yet scored, in batches.</summary>
    public Task RunAllAsync(CancellationToken cancellationToken) => ScoreAsync(null, cancellationToken);

    private async Task ScoreAsync(int? responseId, CancellationToken cancellationToken)
    {
        var scored = 0;
        while (true)
        {
            var query = db.SurveyAnswers.Where(a => a.Text != null && a.ScoredAt == null);
            if (responseId is { } id)
            {
                query = query.Where(a => a.ResponseId == id);
            }

            var answers = await query.OrderBy(a => a.Id).Take(Batch).ToListAsync(cancellationToken);
            if (answers.Count == 0)
            {
                break;
            }

            var results = await analyzer.AnalyzeManyAsync([.. answers.Select(a => a.Text!)], cancellationToken);
            var now = clock.GetUtcNow();
            for (var i = 0; i < answers.Count; i++)
            {
                answers[i].SentimentLabel = results[i].Label;
                answers[i].SentimentScore = results[i].Score;
                answers[i].SentimentConfidence = results[i].Confidence;
                answers[i].SentimentModel = results[i].Model;
                answers[i].ScoredAt = now;
            }

            await db.SaveChangesAsync(cancellationToken);
            scored += answers.Count;
        }

        LogScored(logger, scored);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scored {Count} free-text survey answers")]
    private static partial void LogScored(ILogger logger, int count);
}
