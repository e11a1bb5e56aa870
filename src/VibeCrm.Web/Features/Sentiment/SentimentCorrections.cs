using Hangfire;
using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Sentiment;
using VibeCrm.Data.Tenants;
using VibeCrm.Sentiment;

namespace VibeCrm.Web.Features.Sentiment;

/// <summary>
/// Staff corrections of sentiment labels. Recording one checks the tenant's threshold: when enough corrections have
/// gathered since the last retraining attempt, a retraining job is queued (inside the tenant scope the caller is in).
/// </summary>
public sealed class SentimentCorrections(TenantDbContext db, IBackgroundJobClient jobs, TimeProvider clock)
{
    /// <summary>A queued retraining that has not finished after this long is considered lost and may be queued again.</summary>
    public static readonly TimeSpan StaleQueue = TimeSpan.FromHours(2);

    public async Task<CommandResult> RecordAsync(string text, string label, string sourceKind, string sourceId, string staffUserId, CancellationToken cancellationToken)
    {
        var normalized = SentimentLabels.Normalize(label);
        if (normalized is null)
        {
            return CommandResult.Fail("Choose positive, neutral or negative.");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return CommandResult.Fail("There is no text to correct.");
        }

        if (string.IsNullOrWhiteSpace(sourceKind) || string.IsNullOrWhiteSpace(sourceId) || string.IsNullOrWhiteSpace(staffUserId))
        {
            return CommandResult.Fail("A correction needs its source and the staff member who made it.");
        }

        var trimmed = text.Trim();
        db.SentimentCorrections.Add(new SentimentCorrection
        {
            Text = trimmed.Length > SentimentCorrection.TextMaxLength ? trimmed[..SentimentCorrection.TextMaxLength] : trimmed,
            Label = normalized,
            SourceKind = sourceKind.Trim(),
            SourceId = sourceId.Trim(),
            StaffUserId = staffUserId,
            CorrectedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        await QueueRetrainingIfDueAsync(cancellationToken);
        return CommandResult.Ok;
    }

    /// <summary>Corrections recorded after the last retraining attempt.</summary>
    public async Task<int> CountNewAsync(CancellationToken cancellationToken)
    {
        var watermark = await WatermarkAsync(db, cancellationToken);
        return await db.SentimentCorrections.CountAsync(c => c.Id > watermark, cancellationToken);
    }

    /// <summary>Queues the retraining job when the threshold is reached and none is queued yet. Returns whether it queued one.</summary>
    public async Task<bool> QueueRetrainingIfDueAsync(CancellationToken cancellationToken)
    {
        var settings = await SettingsAsync(db, cancellationToken);
        if (await CountNewAsync(cancellationToken) < settings.RetrainThreshold)
        {
            return false;
        }

        return await QueueAsync(settings, manual: false, cancellationToken);
    }

    /// <summary>"Retrain now": queues a retraining on all corrections, whatever the threshold.</summary>
    public async Task<CommandResult> QueueManualRetrainingAsync(CancellationToken cancellationToken)
    {
        if (await db.SentimentCorrections.CountAsync(cancellationToken) < SentimentRetrainer.MinimumCorrections)
        {
            return CommandResult.Fail($"Retraining needs at least {SentimentRetrainer.MinimumCorrections} corrections.");
        }

        var settings = await SettingsAsync(db, cancellationToken);
        return await QueueAsync(settings, manual: true, cancellationToken)
            ? CommandResult.Ok
            : CommandResult.Fail("A retraining is already queued or running.");
    }

    public async Task<CommandResult> SetThresholdAsync(int threshold, CancellationToken cancellationToken)
    {
        if (threshold is < SentimentRetrainer.MinimumCorrections or > 10_000)
        {
            return CommandResult.Fail($"The threshold must be between {SentimentRetrainer.MinimumCorrections} and 10,000 corrections.");
        }

        var settings = await SettingsAsync(db, cancellationToken);
        settings.RetrainThreshold = threshold;
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok;
    }

    private async Task<bool> QueueAsync(SentimentSettings settings, bool manual, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (settings.RetrainQueuedAt is { } queued && now - queued < StaleQueue)
        {
            return false;
        }

        settings.RetrainQueuedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        if (manual)
        {
            jobs.Enqueue<SentimentRetrainJob>(j => j.RunManualAsync(CancellationToken.None));
        }
        else
        {
            jobs.Enqueue<SentimentRetrainJob>(j => j.RunAsync(CancellationToken.None));
        }

        return true;
    }

    /// <summary>The tenant's settings row, created on first use (tracked).</summary>
    internal static async Task<SentimentSettings> SettingsAsync(TenantDbContext db, CancellationToken cancellationToken)
    {
        var settings = await db.SentimentSettings.FirstOrDefaultAsync(s => s.Id == SentimentSettings.SingletonId, cancellationToken);
        if (settings is not null)
        {
            return settings;
        }

        settings = new SentimentSettings();
        db.SentimentSettings.Add(settings);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return settings;
        }
        catch (DbUpdateException)
        {
            // created at the same moment by another request
            db.Entry(settings).State = EntityState.Detached;
            return await db.SentimentSettings.FirstAsync(s => s.Id == SentimentSettings.SingletonId, cancellationToken);
        }
    }

    internal static async Task<long> WatermarkAsync(TenantDbContext db, CancellationToken cancellationToken) =>
        await db.SentimentModelVersions.MaxAsync(v => (long?)v.LastCorrectionId, cancellationToken) ?? 0;
}
