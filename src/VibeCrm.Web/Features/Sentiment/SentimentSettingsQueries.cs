using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Sentiment;
using VibeCrm.Data.Tenants;
using VibeCrm.Sentiment;

namespace VibeCrm.Web.Features.Sentiment;

/// <summary>The model in use and its figures. Recent figures are null for the base model (no tenant evaluation yet).</summary>
public sealed record ModelInUse(string Name, DateTimeOffset? Since, double HeldOutAccuracy, double HeldOutMacroF1, double? RecentAccuracy, double? RecentMacroF1, int? CorrectionsEvaluated);

/// <summary>One retraining attempt as the history lists it.</summary>
public sealed record AttemptRow(
    int Version, DateTimeOffset CreatedAt, string Trigger, int TrainingRows, int CorrectionsUsed, int CorrectionsEvaluated, string IncumbentName,
    double CandidateHeldOutMacroF1, double CandidateRecentMacroF1, double CandidateCombinedMacroF1,
    double IncumbentHeldOutMacroF1, double IncumbentRecentMacroF1, double IncumbentCombinedMacroF1,
    bool Accepted, bool IsActive, string Reason);

/// <summary>Everything the Settings → Sentiment page shows.</summary>
public sealed record SentimentOverview(
    ModelInUse Model, IReadOnlyList<AttemptRow> Attempts, int Corrections, int NewCorrections, int Threshold, bool RetrainQueued);

/// <summary>The base model's figures on the held-out split, computed once per process (about a second of CPU).</summary>
public sealed class BaseModelFigures(BaseSentimentModel model)
{
    private readonly Lazy<EvaluationReport> _heldOut = new(() => SentimentEvaluator.Evaluate(model.Model, SentimentCorpus.HeldOut));

    public EvaluationReport HeldOut => _heldOut.Value;
}

public sealed class SentimentSettingsQueries(TenantDbContext db, BaseModelFigures baseFigures, TimeProvider clock)
{
    public const int HistoryLength = 50;

    public async Task<SentimentOverview> OverviewAsync(CancellationToken cancellationToken)
    {
        var attempts = await db.SentimentModelVersions.AsNoTracking().OrderByDescending(v => v.Version).Take(HistoryLength)
            .Select(v => new AttemptRow(v.Version, v.CreatedAt, v.Trigger, v.TrainingRows, v.CorrectionsUsed, v.CorrectionsEvaluated, v.IncumbentName,
                v.CandidateHeldOutMacroF1, v.CandidateRecentMacroF1, v.CandidateCombinedMacroF1,
                v.IncumbentHeldOutMacroF1, v.IncumbentRecentMacroF1, v.IncumbentCombinedMacroF1,
                v.Accepted, v.IsActive, v.Reason))
            .ToListAsync(cancellationToken);
        var active = await db.SentimentModelVersions.AsNoTracking().Where(v => v.IsActive)
            .Select(v => new ModelInUse("v" + v.Version, v.ActivatedAt, v.CandidateHeldOutAccuracy, v.CandidateHeldOutMacroF1, v.CandidateRecentAccuracy, v.CandidateRecentMacroF1, v.CorrectionsEvaluated))
            .FirstOrDefaultAsync(cancellationToken);
        var model = active ?? new ModelInUse(BaseSentimentModel.Name, null, baseFigures.HeldOut.Accuracy, baseFigures.HeldOut.MacroF1, null, null, null);

        var watermark = await SentimentCorrections.WatermarkAsync(db, cancellationToken);
        var total = await db.SentimentCorrections.CountAsync(cancellationToken);
        var fresh = await db.SentimentCorrections.CountAsync(c => c.Id > watermark, cancellationToken);
        var settings = await db.SentimentSettings.AsNoTracking().FirstOrDefaultAsync(s => s.Id == SentimentSettings.SingletonId, cancellationToken);
        var queued = settings?.RetrainQueuedAt is { } at && clock.GetUtcNow() - at < SentimentCorrections.StaleQueue;
        return new SentimentOverview(model, attempts, total, fresh, settings?.RetrainThreshold ?? SentimentSettings.DefaultRetrainThreshold, queued);
    }
}
