using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VibeCrm.Data.Sentiment;
using VibeCrm.Data.Tenants;
using VibeCrm.IntegrationTests.Infrastructure;
using VibeCrm.Sentiment;
using VibeCrm.Tenancy;
using VibeCrm.Web.Features.Sentiment;

namespace VibeCrm.IntegrationTests.Sentiment;

/// <summary>
/// The app with the job server on, training on the first <see cref="SliceRows"/> lines of the base corpus, and a base
/// model trained on that same slice: candidates and the base model are compared like with like, in seconds instead of
/// the minute a full training takes (the full path has its own test).
/// </summary>
public sealed class SliceSentimentFactory : VibeCrmFactory
{
    public const int SliceRows = 1500;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Jobs:RunServer"] = "true",
        ["Sentiment:Training:BaseRowLimit"] = SliceRows.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
            services.AddSingleton(new BaseSentimentModel(() => SentimentTrainer.Train(SentimentCorpus.Train.Take(SliceRows)))));
    }
}

/// <summary>The app with the job server on, the shipped model and the full corpus: the production path.</summary>
public sealed class FullSentimentFactory : VibeCrmFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Jobs:RunServer"] = "true" };
}

public static class SentimentTestKit
{
    /// <summary>
    /// A bakery's own words: "zorby" is their regulars' word for excellent, "grimbly" for stale or badly made. The base
    /// corpus has neither, so the base model reads these lines as neutral. Alternating labels, so the newest 20% held out
    /// for evaluation hold both.
    /// </summary>
    public static IReadOnlyList<LabelledText> TenantVocabulary { get; } = Interleave(
    [
        "the kouign amann was zorby", "zorby sourdough this morning", "every loaf zorby as usual", "cinnamon buns were zorby today",
        "the rye came out zorby", "zorby crust on the baguette", "the custard tart was zorby", "got the seeded loaf, zorby",
        "zorby croissants again", "the brioche was zorby", "saturday batch was zorby", "the focaccia is zorby",
        "zorby pain au chocolat", "the morning buns were zorby", "zorby bake on the spelt loaf", "the scones came out zorby",
        "zorby bagels this week", "the fruit loaf was zorby", "zorby eclairs at the counter", "the danish was zorby",
        "zorby batch of rolls", "the olive bread was zorby", "the sourdough starter bake was zorby", "zorby muffins for the office",
        "the cardamom knots were zorby",
    ],
    [
        "the kouign amann was grimbly", "grimbly sourdough this morning", "every loaf grimbly lately", "cinnamon buns were grimbly today",
        "the rye came out grimbly", "grimbly crust on the baguette", "the custard tart was grimbly", "got the seeded loaf, grimbly",
        "grimbly croissants again", "the brioche was grimbly", "saturday batch was grimbly", "the focaccia is grimbly",
        "grimbly pain au chocolat", "the morning buns were grimbly", "grimbly bake on the spelt loaf", "the scones came out grimbly",
        "grimbly bagels this week", "the fruit loaf was grimbly", "grimbly eclairs at the counter", "the danish was grimbly",
        "grimbly batch of rolls", "the olive bread was grimbly", "the sourdough starter bake was grimbly", "grimbly muffins for the office",
        "the cardamom knots were grimbly",
    ]);

    /// <summary>
    /// Deliberately wrong corrections: clearly positive and negative lines of the base corpus with their labels swapped.
    /// </summary>
    public static IReadOnlyList<LabelledText> Mislabelled(int count) =>
    [
        .. SentimentCorpus.Train.Take(SliceSentimentFactory.SliceRows)
            .Where(r => r.Label is SentimentLabels.Positive or SentimentLabels.Negative && r.Text.Length is > 15 and < 120)
            .Take(count)
            .Select(r => new LabelledText(r.Text, r.Label == SentimentLabels.Positive ? SentimentLabels.Negative : SentimentLabels.Positive)),
    ];

    /// <summary>Records corrections through the real service, as the item page does.</summary>
    public static Task RecordAsync(VibeCrmFactory factory, TenantInfo tenant, IEnumerable<LabelledText> corrections, int? threshold = null) =>
        factory.InTenantAsync(tenant, async sp =>
        {
            var service = sp.GetRequiredService<SentimentCorrections>();
            if (threshold is { } t)
            {
                Assert.True((await service.SetThresholdAsync(t, CancellationToken.None)).Succeeded);
            }

            var i = 0;
            foreach (var c in corrections)
            {
                var result = await service.RecordAsync(c.Text, c.Label, "feedback", (++i).ToString(System.Globalization.CultureInfo.InvariantCulture), "staff-1", CancellationToken.None);
                Assert.True(result.Succeeded, result.Error);
            }

            return i;
        });

    public static Task<List<SentimentModelVersion>> VersionsAsync(VibeCrmFactory factory, TenantInfo tenant) =>
        factory.InTenantAsync(tenant, sp => sp.GetRequiredService<TenantDbContext>().SentimentModelVersions.AsNoTracking().OrderBy(v => v.Version).ToListAsync());

    public static Task<RetrainOutcome?> RetrainNowAsync(VibeCrmFactory factory, TenantInfo tenant) =>
        factory.InTenantAsync(tenant, sp => sp.GetRequiredService<SentimentRetrainer>().RetrainAsync(SentimentRetrainer.ManualTrigger, CancellationToken.None));

    public static Task<TextAnalysis> AnalyzeAsync(VibeCrmFactory factory, TenantInfo tenant, string text) =>
        factory.InTenantAsync(tenant, sp => sp.GetRequiredService<ISentimentAnalyzer>().AnalyzeAsync(text, CancellationToken.None));

    /// <summary>Polls until the tenant has <paramref name="count"/> attempts recorded (a job runs it); no timing is asserted.</summary>
    public static async Task<List<SentimentModelVersion>> WaitForAttemptsAsync(VibeCrmFactory factory, TenantInfo tenant, int count, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            var versions = await VersionsAsync(factory, tenant);
            if (versions.Count >= count)
            {
                return versions;
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"No retraining attempt was recorded within {timeout}.");
            }

            await Task.Delay(500);
        }
    }

    private static IReadOnlyList<LabelledText> Interleave(string[] positive, string[] negative) =>
        [.. positive.Zip(negative).SelectMany(p => new[] { new LabelledText(p.First, SentimentLabels.Positive), new LabelledText(p.Second, SentimentLabels.Negative) })];
}
