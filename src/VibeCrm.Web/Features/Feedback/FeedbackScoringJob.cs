using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Feedback;
using VibeCrm.Data.Tenants;
using VibeCrm.Web.Features.Sentiment;

namespace VibeCrm.Web.Features.Feedback;

/// <summary>
/// Scores feedback through the tenant's sentiment analyzer, in a Hangfire job. The job runs inside the tenant scope it was
/// enqueued in (the tenant travels as a job parameter), so the DbContext and the analyzer are that tenant's.
/// Scoring again is harmless (same text, same result), which is what Hangfire's at-least-once delivery needs.
/// </summary>
public sealed class FeedbackScoringJob(TenantDbContext db, ISentimentAnalyzer analyzer, FeedbackSettingsService settings, TimeProvider clock)
{
    public const int BatchSize = 256;

    /// <summary>Scores one item (right after it was submitted).</summary>
    public async Task ScoreAsync(int itemId, CancellationToken cancellationToken)
    {
        var item = await db.FeedbackItems.FirstOrDefaultAsync(i => i.Id == itemId, cancellationToken);
        if (item is null)
        {
            return;
        }

        var analysis = await analyzer.AnalyzeAsync(TextOf(item.Title, item.Text), cancellationToken);
        Apply(item, analysis, await settings.GetAsync(cancellationToken), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Rescores every item (or only the unscored ones) in batches through the analyzer's batch path. Returns the count.</summary>
    public async Task<int> RescoreAsync(bool onlyUnscored, CancellationToken cancellationToken)
    {
        var rules = await settings.GetAsync(cancellationToken);
        var lastId = 0;
        var total = 0;
        while (true)
        {
            var query = db.FeedbackItems.Where(i => i.Id > lastId);
            if (onlyUnscored)
            {
                query = query.Where(i => i.ScoredAt == null);
            }

            var batch = await query.OrderBy(i => i.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return total;
            }

            var analyses = await analyzer.AnalyzeManyAsync([.. batch.Select(i => TextOf(i.Title, i.Text))], cancellationToken);
            var now = clock.GetUtcNow();
            for (var n = 0; n < batch.Count; n++)
            {
                Apply(batch[n], analyses[n], rules, now);
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            total += batch.Count;
            lastId = batch[^1].Id;
        }
    }

    public static string TextOf(string? title, string text) => string.IsNullOrWhiteSpace(title) ? text : title.Trim() + ". " + text;

    /// <summary>Stores the analysis; the automatic priority follows it (unless staff chose one) and the SLA follows the priority.</summary>
    public static void Apply(FeedbackItem item, TextAnalysis analysis, FeedbackSettings rules, DateTimeOffset now)
    {
        item.SentimentLabel = analysis.Label;
        item.SentimentConfidence = analysis.Confidence;
        item.SentimentScore = analysis.Score;
        item.SentimentModel = analysis.Model;
        item.Topics = FeedbackRules.PackTopics(analysis.Topics);
        item.ScoredAt = now;
        if (!item.PriorityManual)
        {
            var priority = FeedbackRules.Priority(item.Type, item.Rating, analysis.Label, analysis.Score);
            if (priority != item.Priority)
            {
                item.Priority = priority;
                FeedbackRules.ApplySla(item, rules);
            }
        }

        item.UpdatedAt = now;
    }
}
