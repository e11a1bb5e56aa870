using VibeCrm.Web.Infrastructure.Jobs;

namespace VibeCrm.Web.Features.Sentiment;

/// <summary>
/// Per tenant: retrains the tenant's sentiment model. <see cref="RunAsync"/> is queued when a correction crosses the
/// tenant's threshold and runs daily for every tenant as a safety net (it does nothing below the threshold);
/// <see cref="RunManualAsync"/> is "retrain now" from the settings page.
/// </summary>
public sealed class SentimentRetrainJob(SentimentRetrainer retrainer) : ITenantJob
{
    public Task RunAsync(CancellationToken cancellationToken) => retrainer.RetrainAsync(SentimentRetrainer.ThresholdTrigger, cancellationToken);

    public Task RunManualAsync(CancellationToken cancellationToken) => retrainer.RetrainAsync(SentimentRetrainer.ManualTrigger, cancellationToken);
}
