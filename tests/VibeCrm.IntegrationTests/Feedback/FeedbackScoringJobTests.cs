using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VibeCrm.Data.Feedback;
using VibeCrm.IntegrationTests.Tenancy;
using VibeCrm.Web.Features.Feedback;

namespace VibeCrm.IntegrationTests.Feedback;

/// <summary>The scoring job on the real Hangfire server and job storage: it scores the item in the tenant that submitted it.</summary>
public sealed class FeedbackScoringJobTests(JobServerFactory factory) : IClassFixture<JobServerFactory>
{
    [Fact]
    public async Task The_job_enqueued_on_submission_scores_the_item_in_the_submitting_tenant_only()
    {
        var a = (await factory.CreateTenantAsync()).Info;
        var b = (await factory.CreateTenantAsync()).Info;

        // Same id (1) in both tenants: B's item was stored without scoring, A's through the normal path.
        var idInB = await factory.SubmitAsync(b, new FeedbackSubmission { Type = FeedbackType.Review, Rating = 5, Text = "Wonderful staff, best coffee in town!" }, new FeedbackService.SubmitOptions(Score: false));
        var idInA = await factory.SubmitAsync(a, new FeedbackSubmission { Type = FeedbackType.Complaint, Channel = FeedbackChannel.Pos, Rating = 1, Text = "Terrible. Cold food, rude waiter, dirty tables. Never coming back." });
        Assert.Equal(idInA, idInB);

        FeedbackItem? scored = null;
        for (var i = 0; i < 300 && scored is null; i++)
        {
            var item = await factory.ItemAsync(a, idInA);
            scored = item.ScoredAt is null ? null : item;
            if (scored is null)
            {
                await Task.Delay(100);
            }
        }

        Assert.NotNull(scored);
        Assert.Equal("negative", scored.SentimentLabel);
        Assert.InRange(scored.SentimentScore!.Value, -1f, 0f);
        Assert.Equal(FeedbackPriority.Urgent, scored.Priority);
        Assert.Contains(",food,", scored.Topics, StringComparison.Ordinal);
        Assert.Null((await factory.ItemAsync(b, idInB)).ScoredAt); // B's item with the same id was not touched
    }

    [Fact]
    public async Task Bulk_rescoring_scores_every_unscored_item_in_batches()
    {
        var tenant = (await factory.CreateTenantAsync()).Info;
        var texts = Enumerable.Range(0, FeedbackScoringJob.BatchSize + 10).Select(n => n % 2 == 0 ? $"Lovely cake number {n}" : $"Awful wait number {n}").ToList();
        foreach (var text in texts)
        {
            await factory.SubmitAsync(tenant, new FeedbackSubmission { Type = FeedbackType.Message, Channel = FeedbackChannel.Pos, Text = text }, new FeedbackService.SubmitOptions(Score: false));
        }

        var count = await factory.InTenantAsync(tenant, sp => sp.GetRequiredService<FeedbackScoringJob>().RescoreAsync(onlyUnscored: true, CancellationToken.None));
        Assert.Equal(texts.Count, count);
        Assert.Equal(0, await factory.DbAsync(tenant, db => db.FeedbackItems.CountAsync(i => i.ScoredAt == null)));
        Assert.Equal(0, await factory.InTenantAsync(tenant, sp => sp.GetRequiredService<FeedbackScoringJob>().RescoreAsync(onlyUnscored: true, CancellationToken.None)));
    }
}
