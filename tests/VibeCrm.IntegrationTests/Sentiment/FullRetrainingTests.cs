using VibeCrm.Sentiment;
using VibeCrm.Web.Features.Sentiment;

namespace VibeCrm.IntegrationTests.Sentiment;

/// <summary>
/// The production path end to end, once: the shipped model, the full base corpus (about a minute of CPU to train),
/// the default threshold of 20, the job queued by the 20th correction and run by the job server in the tenant's scope.
/// </summary>
public sealed class FullRetrainingTests(FullSentimentFactory factory) : IClassFixture<FullSentimentFactory>
{
    [Fact]
    public async Task Twenty_corrections_retrain_on_the_full_corpus_in_a_job_and_the_better_model_scores_that_tenant_texts()
    {
        var tenant = await factory.CreateTenantAsync();
        var corrections = SentimentTestKit.TenantVocabulary.Take(20).ToList();

        await SentimentTestKit.RecordAsync(factory, tenant.Info, corrections);

        var version = Assert.Single(await SentimentTestKit.WaitForAttemptsAsync(factory, tenant.Info, 1, TimeSpan.FromMinutes(15)));
        Assert.Equal(SentimentRetrainer.ThresholdTrigger, version.Trigger);
        Assert.Equal(SentimentCorpus.Train.Count + 16 * 3, version.TrainingRows);
        Assert.Equal(4, version.CorrectionsEvaluated);
        Assert.Equal(BaseSentimentModel.Name, version.IncumbentName);

        // The incumbent is the shipped model: its held-out figures are the documented ones (see the package README).
        using var shippedModel = SentimentModel.LoadDefault();
        var shipped = SentimentEvaluator.Evaluate(shippedModel, SentimentCorpus.HeldOut);
        Assert.Equal(shipped.MacroF1, version.IncumbentHeldOutMacroF1, 6);
        Assert.True(version.CandidateHeldOutMacroF1 >= 0.86, $"candidate held-out macro-F1 {version.CandidateHeldOutMacroF1:0.0000}");
        Assert.True(version.Accepted, version.Reason);

        var analysis = await SentimentTestKit.AnalyzeAsync(factory, tenant.Info, "the walnut loaf was zorby");
        Assert.Equal("v1", analysis.Model);
        Assert.Equal(SentimentLabels.Positive, analysis.Label);
    }
}
