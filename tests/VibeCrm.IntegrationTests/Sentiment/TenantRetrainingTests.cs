using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VibeCrm.Data.Tenants;
using VibeCrm.Sentiment;
using VibeCrm.Web.Features.Sentiment;

namespace VibeCrm.IntegrationTests.Sentiment;

/// <summary>Retraining on a slice of the corpus (see <see cref="SliceSentimentFactory"/>), with the real job server.</summary>
public sealed class TenantRetrainingTests(SliceSentimentFactory factory) : IClassFixture<SliceSentimentFactory>
{
    private const int NoAutomaticRetraining = 10_000;

    [Fact]
    public async Task Corrections_teaching_tenant_words_give_a_better_model_that_only_that_tenant_uses()
    {
        var bakery = await factory.CreateTenantAsync();
        var other = await factory.CreateTenantAsync();
        const string probe = "the walnut loaf was zorby";
        var before = await SentimentTestKit.AnalyzeAsync(factory, bakery.Info, probe);
        Assert.Equal(BaseSentimentModel.Name, before.Model);
        Assert.NotEqual(SentimentLabels.Positive, before.Label);

        await SentimentTestKit.RecordAsync(factory, bakery.Info, SentimentTestKit.TenantVocabulary, NoAutomaticRetraining);
        var outcome = await SentimentTestKit.RetrainNowAsync(factory, bakery.Info);

        Assert.NotNull(outcome);
        Assert.True(outcome.Accepted, outcome.Reason);
        var version = Assert.Single(await SentimentTestKit.VersionsAsync(factory, bakery.Info));
        Assert.True(version.IsActive);
        Assert.NotNull(version.ActivatedAt);
        Assert.NotNull(version.ModelZip);
        Assert.Equal(BaseSentimentModel.Name, version.IncumbentName);
        Assert.Equal(10, version.CorrectionsEvaluated); // newest 20% of 50
        Assert.Equal(40, version.CorrectionsUsed);
        Assert.Equal(SliceSentimentFactory.SliceRows + 40 * 3, version.TrainingRows);
        Assert.True(version.CandidateRecentAccuracy > version.IncumbentRecentAccuracy, $"{version.CandidateRecentAccuracy} vs {version.IncumbentRecentAccuracy}");
        Assert.True(version.CandidateCombinedMacroF1 > version.IncumbentCombinedMacroF1);
        Assert.True(version.CandidateHeldOutMacroF1 >= version.IncumbentHeldOutMacroF1 - 0.01);

        var after = await SentimentTestKit.AnalyzeAsync(factory, bakery.Info, probe);
        Assert.Equal("v1", after.Model);
        Assert.Equal(SentimentLabels.Positive, after.Label);
        var batch = await factory.InTenantAsync(bakery.Info, sp =>
            sp.GetRequiredService<ISentimentAnalyzer>().AnalyzeManyAsync([probe, "the pretzel was grimbly"], CancellationToken.None));
        Assert.Equal(["v1", "v1"], batch.Select(b => b.Model));
        Assert.Equal(SentimentLabels.Negative, batch[1].Label);

        var elsewhere = await SentimentTestKit.AnalyzeAsync(factory, other.Info, probe);
        Assert.Equal(BaseSentimentModel.Name, elsewhere.Model);
        Assert.Equal(before.Label, elsewhere.Label);
        Assert.Equal(before.Score, elsewhere.Score, 4);
    }

    [Fact]
    public async Task Deliberately_mislabelled_corrections_give_a_worse_model_which_is_refused_and_the_base_model_stays()
    {
        var tenant = await factory.CreateTenantAsync();
        await SentimentTestKit.RecordAsync(factory, tenant.Info, SentimentTestKit.Mislabelled(150), NoAutomaticRetraining);

        var outcome = await SentimentTestKit.RetrainNowAsync(factory, tenant.Info);

        Assert.NotNull(outcome);
        Assert.False(outcome.Accepted, outcome.Reason);
        Assert.StartsWith("Refused: held-out macro-F1", outcome.Reason, StringComparison.Ordinal);
        var version = Assert.Single(await SentimentTestKit.VersionsAsync(factory, tenant.Info));
        Assert.False(version.IsActive);
        Assert.Null(version.ModelZip);
        Assert.True(version.IncumbentHeldOutMacroF1 - version.CandidateHeldOutMacroF1 > 0.01,
            $"held-out {version.CandidateHeldOutMacroF1:0.000} vs {version.IncumbentHeldOutMacroF1:0.000}");
        Assert.Equal(BaseSentimentModel.Name, (await SentimentTestKit.AnalyzeAsync(factory, tenant.Info, "lovely staff")).Model);
    }

    [Fact]
    public async Task Crossing_the_threshold_queues_one_job_that_retrains_in_that_tenant_scope_only()
    {
        var tenant = await factory.CreateTenantAsync();
        var other = await factory.CreateTenantAsync();
        await SentimentTestKit.RecordAsync(factory, other.Info, SentimentTestKit.TenantVocabulary.Take(4), NoAutomaticRetraining);

        // Threshold 30: the 30th correction queues the job; the 20 after it do not queue another while it is pending.
        await SentimentTestKit.RecordAsync(factory, tenant.Info, SentimentTestKit.TenantVocabulary, threshold: 30);

        var versions = await SentimentTestKit.WaitForAttemptsAsync(factory, tenant.Info, 1, TimeSpan.FromMinutes(5));
        var attempt = Assert.Single(versions);
        Assert.Equal(SentimentRetrainer.ThresholdTrigger, attempt.Trigger);
        Assert.True(attempt.CorrectionsUsed + attempt.CorrectionsEvaluated >= 30);
        Assert.Empty(await SentimentTestKit.VersionsAsync(factory, other.Info));
        var queued = await factory.InTenantAsync(tenant.Info, sp =>
            sp.GetRequiredService<TenantDbContext>().SentimentSettings.AsNoTracking().Select(s => s.RetrainQueuedAt).SingleAsync());
        Assert.Null(queued);

        // Nothing new since the attempt: the daily safety net does nothing.
        Assert.Null(await factory.InTenantAsync(tenant.Info, sp =>
            sp.GetRequiredService<SentimentRetrainer>().RetrainAsync(SentimentRetrainer.ThresholdTrigger, CancellationToken.None)));
    }

    [Fact]
    public async Task Corrections_are_validated_and_retrain_now_needs_two()
    {
        var tenant = await factory.CreateTenantAsync();
        var results = await factory.InTenantAsync(tenant.Info, async sp =>
        {
            var service = sp.GetRequiredService<SentimentCorrections>();
            return new[]
            {
                await service.RecordAsync("nice", "great", "feedback", "1", "staff-1", CancellationToken.None),
                await service.RecordAsync("  ", "positive", "feedback", "1", "staff-1", CancellationToken.None),
                await service.RecordAsync("nice", "positive", "", "1", "staff-1", CancellationToken.None),
                await service.QueueManualRetrainingAsync(CancellationToken.None),
                await service.RecordAsync("nice one", "Positive", "feedback", "1", "staff-1", CancellationToken.None),
                await service.QueueManualRetrainingAsync(CancellationToken.None),
                await service.SetThresholdAsync(1, CancellationToken.None),
            };
        });

        Assert.Equal("Choose positive, neutral or negative.", results[0].Error);
        Assert.Equal("There is no text to correct.", results[1].Error);
        Assert.False(results[2].Succeeded);
        Assert.Equal("Retraining needs at least 2 corrections.", results[3].Error);
        Assert.True(results[4].Succeeded);
        Assert.Equal("Retraining needs at least 2 corrections.", results[5].Error);
        Assert.False(results[6].Succeeded);
        var stored = await factory.InTenantAsync(tenant.Info, sp => sp.GetRequiredService<TenantDbContext>().SentimentCorrections.AsNoTracking().SingleAsync());
        Assert.Equal(("nice one", SentimentLabels.Positive, "feedback", "1", "staff-1"), (stored.Text, stored.Label, stored.SourceKind, stored.SourceId, stored.StaffUserId));
    }
}
