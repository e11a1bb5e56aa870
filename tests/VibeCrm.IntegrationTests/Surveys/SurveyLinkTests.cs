using System.Net;
using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Surveys;
using VibeCrm.IntegrationTests.Customers;
using VibeCrm.IntegrationTests.Infrastructure;
using VibeCrm.Web.Features.Surveys;

namespace VibeCrm.IntegrationTests.Surveys;

/// <summary>The emailed link: answered once, and tampered, expired, closed or foreign links get a clear page and save nothing.</summary>
public sealed class SurveyLinkTests(SurveyFactory factory) : IClassFixture<SurveyFactory>
{
    private async Task<(TestTenant Tenant, int Survey, IReadOnlyList<int> Questions, string Link)> InvitedAsync()
    {
        var tenant = await factory.CreateTenantAsync();
        var survey = await factory.CreateSurveyAsync(tenant);
        var email = $"guest.{tenant.Slug}@example.com";
        await factory.AddReachableAsync(tenant, "Gia", email);
        await factory.SendAsync(tenant, survey);
        await factory.RunSendJobAsync(tenant, survey);
        return (tenant, survey, await factory.QuestionIdsAsync(tenant, survey), await factory.LinkForAsync(email));
    }

    [Fact]
    public async Task The_emailed_link_is_answered_once_then_says_already_answered()
    {
        var (tenant, survey, q, link) = await InvitedAsync();
        using var client = new BrowserClient(factory);
        var form = SurveyTestKit.Text(await client.GetPageAsync(link));
        Assert.Contains("How was your visit?", form, StringComparison.Ordinal);
        Assert.Contains("1. Would you recommend us? (required)", form, StringComparison.Ordinal);

        var answers = SurveyTestKit.Answers(q, nps: 10, csat: 4, text: "Lovely staff");
        using var first = await client.PostFormAsync(link, answers);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(link + "/thanks", first.Headers.Location!.OriginalString);
        var thanks = SurveyTestKit.Text(await client.GetPageAsync(link + "/thanks"));
        Assert.Contains("Thanks a lot!", thanks, StringComparison.Ordinal);

        using var again = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("You already answered this survey", SurveyTestKit.Text(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // A second post with a token taken before answering (another tab) saves nothing.
        using var other = new BrowserClient(factory);
        using var replay = await other.PostFormAsync($"/{tenant.Slug}/account/signin", SurveyTestKit.Answers(q, nps: 0, csat: 1), link);
        var replayText = SurveyTestKit.Text(await replay.Content.ReadAsStringAsync());
        Assert.True(replayText.Contains("You already answered this survey", StringComparison.Ordinal), $"{(int)replay.StatusCode}: {replayText[..Math.Min(600, replayText.Length)]}");
        Assert.Equal(1, await factory.ResponseCountAsync(tenant, survey));

        var stored = await factory.InDbAsync(tenant, db => db.SurveyAnswers.Where(a => db.SurveyResponses.Any(r => r.Id == a.ResponseId && r.SurveyId == survey)).ToListAsync());
        Assert.Equal([10, 4], stored.Where(a => a.Number != null).OrderBy(a => a.QuestionId).Select(a => a.Number!.Value));
        Assert.Equal("Lovely staff", stored.Single(a => a.Text != null).Text);
        Assert.NotNull(await factory.InDbAsync(tenant, db => db.SurveyInvitations.Where(i => i.SurveyId == survey).Select(i => i.RespondedAt).SingleAsync()));
    }

    [Fact]
    public async Task A_tampered_link_gets_a_clear_page_and_saves_nothing()
    {
        var (tenant, survey, q, link) = await InvitedAsync();
        var token = Uri.UnescapeDataString(link[(link.LastIndexOf('/') + 1)..]);
        var flipped = token[..^3] + (token[^3] == 'A' ? 'B' : 'A') + token[^2..];
        var tampered = $"/{tenant.Slug}/s/{Uri.EscapeDataString(flipped)}";
        using var client = new BrowserClient(factory);

        using var get = await client.GetAsync(tampered);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Contains("This survey link is not valid", SurveyTestKit.Text(await get.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        using var post = await client.PostFormAsync($"/{tenant.Slug}/account/signin", SurveyTestKit.Answers(q, 9, 5), tampered);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        using var thanks = await client.GetAsync(tampered + "/thanks");
        Assert.Equal(HttpStatusCode.NotFound, thanks.StatusCode);
        Assert.Equal(0, await factory.ResponseCountAsync(tenant, survey));

        // The same, untouched token under another tenant's address is not valid either.
        var other = await factory.CreateTenantAsync();
        using var foreign = await client.GetAsync($"/{other.Slug}/s/{Uri.EscapeDataString(token)}");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    [Fact]
    public async Task An_expired_link_gets_a_clear_page_and_saves_nothing()
    {
        var (tenant, survey, q, link) = await InvitedAsync();
        using var client = new BrowserClient(factory);
        var page = await client.GetPageAsync(link); // opened in time: the form, with its antiforgery token
        Assert.Contains("Send my answers", page, StringComparison.Ordinal);

        factory.Clock.Advance(SurveyLinks.Lifetime + TimeSpan.FromMinutes(1));
        try
        {
            using var get = await client.GetAsync(link);
            Assert.Equal(HttpStatusCode.Gone, get.StatusCode);
            Assert.Contains("This survey link has expired", SurveyTestKit.Text(await get.Content.ReadAsStringAsync()), StringComparison.Ordinal);
            using var post = await client.PostFormAsync($"/{tenant.Slug}/account/signin", SurveyTestKit.Answers(q, 9, 5), link);
            Assert.Equal(HttpStatusCode.Gone, post.StatusCode);
            Assert.Equal(0, await factory.ResponseCountAsync(tenant, survey));
        }
        finally
        {
            factory.Clock.Advance(-(SurveyLinks.Lifetime + TimeSpan.FromMinutes(1)));
        }
    }

    [Fact]
    public async Task A_link_of_a_closed_survey_says_so_and_saves_nothing()
    {
        var (tenant, survey, q, link) = await InvitedAsync();
        await factory.InDbAsync(tenant, db => db.Surveys.Where(s => s.Id == survey).ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, SurveyStatus.Closed)));
        using var client = new BrowserClient(factory);
        Assert.Contains("This survey is closed", SurveyTestKit.Text(await client.GetPageAsync(link)), StringComparison.Ordinal);
        using var post = await client.PostFormAsync($"/{tenant.Slug}/account/signin", SurveyTestKit.Answers(q, 9, 5), link);
        Assert.Contains("This survey is closed", SurveyTestKit.Text(await post.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await factory.ResponseCountAsync(tenant, survey));
    }
}
