using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VibeCrm.Data.Sentiment;
using VibeCrm.Data.Tenants;
using VibeCrm.Sentiment;
using VibeCrm.Tenancy;

namespace VibeCrm.Web.Features.Sentiment;

/// <summary>What a retraining attempt did.</summary>
public sealed record RetrainOutcome(int Version, bool Accepted, string Reason);

/// <summary>One training at a time in this process: training takes a core for about a minute on the full corpus.</summary>
public sealed class SentimentTrainingGate : IDisposable
{
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public void Dispose() => Gate.Dispose();
}

/// <summary>
/// Retrains the tenant model: base corpus plus the tenant's corrections (each repeated
/// <see cref="SentimentTrainingOptions.CorrectionWeight"/> times), minus the newest
/// <see cref="SentimentTrainingOptions.RecentShare"/> of the corrections, which are held out. The candidate and the model
/// in use are both scored on the base held-out split, on those recent corrections and on both together;
/// <see cref="RetrainDecision"/> says whether the candidate is better. Every attempt is recorded; an accepted one
/// stores its model and becomes the active version.
/// </summary>
public sealed partial class SentimentRetrainer(
    TenantDbContext db,
    ITenantContextAccessor tenants,
    TenantSentimentModels models,
    SentimentTrainingGate gate,
    IOptions<SentimentTrainingOptions> options,
    TimeProvider clock,
    ILogger<SentimentRetrainer> logger)
{
    public const string ManualTrigger = "manual";
    public const string ThresholdTrigger = "threshold";

    /// <summary>At least one correction to train on and one to evaluate on.</summary>
    public const int MinimumCorrections = 2;

    /// <summary>
    /// Retrains if due: for <see cref="ThresholdTrigger"/> only when the tenant's threshold of new corrections is
    /// reached; <see cref="ManualTrigger"/> always (given <see cref="MinimumCorrections"/>). Null when nothing was due.
    /// </summary>
    public async Task<RetrainOutcome?> RetrainAsync(string trigger, CancellationToken cancellationToken)
    {
        var tenant = tenants.RequireTenant();
        await gate.Gate.WaitAsync(cancellationToken);
        try
        {
            var settings = await SentimentCorrections.SettingsAsync(db, cancellationToken);
            var watermark = await SentimentCorrections.WatermarkAsync(db, cancellationToken);
            var fresh = await db.SentimentCorrections.CountAsync(c => c.Id > watermark, cancellationToken);
            var due = trigger == ManualTrigger || fresh >= settings.RetrainThreshold;
            var outcome = due ? await TrainAndDecideAsync(tenant.Id, trigger, cancellationToken) : null;
            await ClearQueuedAsync(cancellationToken);
            return outcome;
        }
        catch
        {
            await ClearQueuedAsync(CancellationToken.None);
            throw;
        }
        finally
        {
            gate.Gate.Release();
        }
    }

    private async Task<RetrainOutcome?> TrainAndDecideAsync(string tenantId, string trigger, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var all = await db.SentimentCorrections.AsNoTracking().OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.Text, c.Label }).ToListAsync(cancellationToken);
        if (all.Count < MinimumCorrections)
        {
            return null;
        }

        // One label per text: the latest correction wins.
        var corrections = all.GroupBy(c => Key(c.Text)).Select(g => g.Last()).OrderBy(c => c.Id)
            .Select(c => (c.Id, Row: new LabelledText(c.Text, c.Label))).ToList();
        var lastId = all[^1].Id;
        var recentCount = Math.Clamp((int)Math.Ceiling(corrections.Count * settings.RecentShare), 1, Math.Max(1, corrections.Count - 1));
        var recent = corrections.Skip(corrections.Count - recentCount).Select(c => c.Row).ToList();
        var heldOut = SentimentCorpus.HeldOut;
        var heldOutTexts = heldOut.Select(r => Key(r.Text)).ToHashSet(StringComparer.Ordinal);

        // Corrections of texts that are in the base held-out split are not trained on, so that split stays held out.
        var trainCorrections = corrections.Take(corrections.Count - recentCount).Select(c => c.Row)
            .Where(r => !heldOutTexts.Contains(Key(r.Text))).ToList();
        if (trainCorrections.Count == 0)
        {
            return await RecordAsync(new SentimentModelVersion
            {
                Trigger = trigger, IncumbentName = "-", LastCorrectionId = lastId, CorrectionsEvaluated = recent.Count,
                Reason = "Refused: no corrections left to train on after holding out the newest ones.",
            }, null, cancellationToken);
        }

        IEnumerable<LabelledText> baseRows = SentimentCorpus.Train;
        if (settings.BaseRowLimit is { } limit)
        {
            baseRows = baseRows.Take(limit);
        }

        var weight = Math.Max(1, settings.CorrectionWeight);
        var rows = baseRows.Concat(trainCorrections.SelectMany(r => Enumerable.Repeat(r, weight))).ToList();
        var incumbent = await models.GetAsync(tenantId, db, cancellationToken);
        LogTraining(logger, rows.Count, trainCorrections.Count, recent.Count, incumbent.Name);

        cancellationToken.ThrowIfCancellationRequested();
        using var candidate = SentimentTrainer.Train(rows, settings.Seed);
        cancellationToken.ThrowIfCancellationRequested();

        var candidateFigures = Evaluate(candidate, heldOut, recent);
        var incumbentFigures = Evaluate(incumbent.Model, heldOut, recent);
        var (accepted, reason) = RetrainDecision.Decide(candidateFigures, incumbentFigures, incumbent.Name, settings.MaxHeldOutDrop);
        byte[]? zip = null;
        if (accepted)
        {
            using var buffer = new MemoryStream();
            candidate.Save(buffer);
            zip = buffer.ToArray();
        }

        var version = new SentimentModelVersion
        {
            Trigger = trigger,
            TrainingRows = rows.Count,
            CorrectionsUsed = trainCorrections.Count,
            CorrectionsEvaluated = recent.Count,
            LastCorrectionId = lastId,
            IncumbentName = incumbent.Name,
            CandidateHeldOutAccuracy = candidateFigures.HeldOut.Accuracy,
            CandidateHeldOutMacroF1 = candidateFigures.HeldOut.MacroF1,
            CandidateRecentAccuracy = candidateFigures.Recent.Accuracy,
            CandidateRecentMacroF1 = candidateFigures.Recent.MacroF1,
            CandidateCombinedMacroF1 = candidateFigures.Combined.MacroF1,
            IncumbentHeldOutAccuracy = incumbentFigures.HeldOut.Accuracy,
            IncumbentHeldOutMacroF1 = incumbentFigures.HeldOut.MacroF1,
            IncumbentRecentAccuracy = incumbentFigures.Recent.Accuracy,
            IncumbentRecentMacroF1 = incumbentFigures.Recent.MacroF1,
            IncumbentCombinedMacroF1 = incumbentFigures.Combined.MacroF1,
            Accepted = accepted,
            Reason = reason,
        };
        return await RecordAsync(version, zip, cancellationToken);
    }

    private async Task<RetrainOutcome> RecordAsync(SentimentModelVersion version, byte[]? zip, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        version.Version = (await db.SentimentModelVersions.MaxAsync(v => (int?)v.Version, cancellationToken) ?? 0) + 1;
        version.CreatedAt = now;
        if (zip is not null)
        {
            await db.SentimentModelVersions.Where(v => v.IsActive)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.IsActive, false), cancellationToken);
            version.ModelZip = zip;
            version.IsActive = true;
            version.ActivatedAt = now;
        }

        db.SentimentModelVersions.Add(version);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogOutcome(logger, version.Version, version.Accepted, version.Reason);
        return new RetrainOutcome(version.Version, version.Accepted, version.Reason);
    }

    private static ModelFigures Evaluate(SentimentModel model, IReadOnlyList<LabelledText> heldOut, IReadOnlyList<LabelledText> recent) =>
        new(SentimentEvaluator.Evaluate(model, heldOut),
            SentimentEvaluator.Evaluate(model, recent),
            SentimentEvaluator.Evaluate(model, [.. heldOut, .. recent]));

    private Task<int> ClearQueuedAsync(CancellationToken cancellationToken) =>
        db.SentimentSettings.Where(s => s.Id == SentimentSettings.SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RetrainQueuedAt, (DateTimeOffset?)null), cancellationToken);

    private static string Key(string text) => text.Trim().ToLowerInvariant();

    [LoggerMessage(Level = LogLevel.Information, Message = "Training a tenant sentiment model on {Rows} rows ({Corrections} corrections, {Recent} held out), against {Incumbent}")]
    private static partial void LogTraining(ILogger logger, int rows, int corrections, int recent, string incumbent);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant sentiment model v{Version}: accepted {Accepted}. {Reason}")]
    private static partial void LogOutcome(ILogger logger, int version, bool accepted, string reason);
}
