using Microsoft.Extensions.DependencyInjection;
using VibeCrm.IntegrationTests.Infrastructure;
using VibeCrm.Web.Features.Sentiment;

namespace VibeCrm.IntegrationTests.Web;

public sealed class SentimentAnalyzerTests(VibeCrmFactory factory) : IClassFixture<VibeCrmFactory>
{
    [Fact]
    public async Task The_analyzer_scores_and_tags_topics_one_at_a_time_and_in_batches_alike()
    {
        var tenant = await factory.CreateTenantAsync();
        var (one, many) = await factory.InTenantAsync(tenant.Info, async sp =>
        {
            var analyzer = sp.GetRequiredService<ISentimentAnalyzer>();
            var single = await analyzer.AnalyzeAsync("The coffee was cold and the waiter was rude.", CancellationToken.None);
            var batch = await analyzer.AnalyzeManyAsync(["Lovely staff, great croissants!", "The coffee was cold and the waiter was rude."], CancellationToken.None);
            return (single, batch);
        });

        Assert.Equal("negative", one.Label);
        Assert.InRange(one.Score, -1f, 0f);
        Assert.Contains("staff", one.Topics);
        Assert.Equal(BaseSentimentModel.Name, one.Model);
        Assert.Equal("positive", many[0].Label);
        Assert.Equal(one.Label, many[1].Label);
        Assert.Equal(one.Score, many[1].Score, 3);
    }
}
