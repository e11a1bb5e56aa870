using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VibeCrm.Data.Feedback;
using VibeCrm.Web.Features.Feedback;

namespace VibeCrm.IntegrationTests.Feedback;

/// <summary>The demo merchant's feedback: a year of varied items through the real rules, scored by the real model, partly worked.</summary>
public sealed class FeedbackDemoDataTests(FeedbackFactory factory) : IClassFixture<FeedbackFactory>
{
    [Fact]
    public async Task Demo_feedback_spans_the_year_is_scored_in_batch_and_has_replies_resolutions_and_CSAT()
    {
        var tenant = (await factory.CreateTenantAsync()).Info;
        await factory.AddAgentsAsync(tenant, 2);
        for (var n = 0; n < 30; n++)
        {
            await factory.AddCustomerAsync(tenant, "Demo" + n, $"demo{n}@example.com");
        }

        var created = await factory.InTenantAsync(tenant, sp => sp.GetRequiredService<FeedbackDemoData>().SeedAsync(seed: 7, count: 200, CancellationToken.None));
        Assert.Equal(200, created);
        var stats = await factory.DbAsync(tenant, async db => new
        {
            Unscored = await db.FeedbackItems.CountAsync(i => i.ScoredAt == null),
            Types = await db.FeedbackItems.Select(i => i.Type).Distinct().CountAsync(),
            Labels = await db.FeedbackItems.Select(i => i.SentimentLabel).Distinct().CountAsync(),
            Oldest = await db.FeedbackItems.MinAsync(i => i.CreatedAt),
            Replies = await db.FeedbackMessages.CountAsync(m => m.Kind == FeedbackMessageKind.PublicReply || m.Kind == FeedbackMessageKind.EmailReply),
            Resolved = await db.FeedbackItems.CountAsync(i => i.ResolvedAt != null),
            Csat = await db.FeedbackItems.CountAsync(i => i.CsatRating != null),
            Held = await db.FeedbackItems.CountAsync(i => i.Moderation == ModerationState.Pending),
        });
        Assert.Equal(0, stats.Unscored);
        Assert.Equal(4, stats.Types);
        Assert.Equal(3, stats.Labels);
        Assert.True(stats.Oldest < factory.Clock.Now.AddDays(-200), $"oldest item {stats.Oldest}");
        Assert.True(stats.Replies > 50, $"{stats.Replies} replies");
        Assert.True(stats.Resolved > 30, $"{stats.Resolved} resolved");
        Assert.True(stats.Csat > 3, $"{stats.Csat} CSAT answers");
        Assert.True(stats.Held > 0);

        // Seeding again does nothing.
        Assert.Equal(0, await factory.InTenantAsync(tenant, sp => sp.GetRequiredService<FeedbackDemoData>().SeedAsync(seed: 7, count: 200, CancellationToken.None)));
    }
}
