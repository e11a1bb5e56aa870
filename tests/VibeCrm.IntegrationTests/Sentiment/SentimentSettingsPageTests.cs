using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VibeCrm.Data.Tenants;
using VibeCrm.IntegrationTests.Infrastructure;
using VibeCrm.Web.Features.Sentiment;

namespace VibeCrm.IntegrationTests.Sentiment;

/// <summary>Settings → Sentiment and tenant topics, with the shipped model.</summary>
public sealed class SentimentSettingsPageTests(VibeCrmFactory factory) : IClassFixture<VibeCrmFactory>
{
    [Fact]
    public async Task Topics_added_by_a_tenant_tag_only_that_tenant_texts_and_can_extend_a_built_in_topic()
    {
        var a = await factory.CreateTenantAsync();
        var b = await factory.CreateTenantAsync();
        var results = await factory.InTenantAsync(a.Info, async sp =>
        {
            var topics = sp.GetRequiredService<SentimentTopicService>();
            return new[]
            {
                await topics.AddAsync("Parking", "parking, car park, parked*", CancellationToken.None),
                await topics.AddAsync("food", "brisket, burnt ends", CancellationToken.None),
            };
        });
        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
        const string text = "The brisket was dry and the car park was full.";

        var inA = await SentimentTestKit.AnalyzeAsync(factory, a.Info, text);
        var inB = await SentimentTestKit.AnalyzeAsync(factory, b.Info, text);

        Assert.Contains("Parking", inA.Topics);
        Assert.Contains("food", inA.Topics);
        Assert.DoesNotContain("Parking", inB.Topics);
        Assert.DoesNotContain("food", inB.Topics);
        var many = await factory.InTenantAsync(a.Info, sp => sp.GetRequiredService<ISentimentAnalyzer>().AnalyzeManyAsync(["we parked outside", "nice"], CancellationToken.None));
        Assert.Equal(["Parking"], many[0].Topics);
        Assert.Empty(many[1].Topics);
    }

    [Theory]
    [InlineData("", "parking", "Give the topic a name.")]
    [InlineData("Parking", " , ", "Add at least one keyword, separated by commas.")]
    [InlineData("Parking", "car*park", "\"car*park\" is not a usable keyword")]
    [InlineData("Park<script>", "parking", "The name can contain letters, digits, spaces, hyphens and apostrophes only.")]
    [InlineData("Parking", "p", "\"p\" is not a usable keyword")]
    public void Topic_input_is_validated(string name, string keywords, string message)
    {
        var error = SentimentTopicService.Validate(name, keywords, out _, out _);

        Assert.NotNull(error);
        Assert.StartsWith(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_shows_the_base_model_and_its_figures_and_manages_topics_with_clear_errors()
    {
        var tenant = await factory.CreateTenantAsync();
        using var owner = new BrowserClient(factory);
        await owner.SignInStaffAsync(tenant.Slug, tenant.OwnerEmail);
        var url = $"/{tenant.Slug}/admin/settings/sentiment";

        var page = await owner.GetPageAsync(url);
        Assert.Contains("Base model", page, StringComparison.Ordinal);
        var expected = factory.Services.GetRequiredService<BaseModelFigures>().HeldOut.MacroF1.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(expected, page, StringComparison.Ordinal);
        Assert.Contains("No retraining yet.", page, StringComparison.Ordinal);

        using (var bad = await owner.PostFormAsync(url, new Dictionary<string, string> { ["NewTopic.Name"] = "Terrace", ["NewTopic.Keywords"] = "" }, url + "?handler=AddTopic"))
        {
            Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
            Assert.Contains("Add at least one keyword, separated by commas.", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var good = await owner.PostFormAsync(url, new Dictionary<string, string> { ["NewTopic.Name"] = "Terrace", ["NewTopic.Keywords"] = "terrace, outside seating" }, url + "?handler=AddTopic"))
        {
            Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        }

        using (var duplicate = await owner.PostFormAsync(url, new Dictionary<string, string> { ["NewTopic.Name"] = "terrace", ["NewTopic.Keywords"] = "patio" }, url + "?handler=AddTopic"))
        {
            Assert.Contains("There is already a topic", await duplicate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        page = await owner.GetPageAsync(url);
        Assert.Contains("terrace, outside seating", page, StringComparison.Ordinal);
        var id = await factory.InTenantAsync(tenant.Info, sp => sp.GetRequiredService<TenantDbContext>().SentimentTopics.Select(t => t.Id).SingleAsync());

        using (var update = await owner.PostFormAsync(url, new Dictionary<string, string> { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["keywords"] = "terrace, patio" }, url + "?handler=UpdateTopic"))
        {
            Assert.Equal(HttpStatusCode.Redirect, update.StatusCode);
        }

        Assert.Contains("terrace, patio", await owner.GetPageAsync(url), StringComparison.Ordinal);
        using (var remove = await owner.PostFormAsync(url, new Dictionary<string, string> { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, url + "?handler=DeleteTopic"))
        {
            Assert.Equal(HttpStatusCode.Redirect, remove.StatusCode);
        }

        Assert.False(await factory.InTenantAsync(tenant.Info, sp => sp.GetRequiredService<TenantDbContext>().SentimentTopics.AnyAsync()));
    }

    [Fact]
    public async Task Retrain_now_and_the_threshold_answer_with_clear_messages_and_retrain_now_queues_once()
    {
        var tenant = await factory.CreateTenantAsync();
        using var owner = new BrowserClient(factory);
        await owner.SignInStaffAsync(tenant.Slug, tenant.OwnerEmail);
        var url = $"/{tenant.Slug}/admin/settings/sentiment";

        Assert.Contains("Retraining needs at least 2 corrections.", await PostAndFollowAsync(owner, url, "Retrain", []), StringComparison.Ordinal);
        Assert.Contains("The threshold must be between 2 and 10,000 corrections.", await PostAndFollowAsync(owner, url, "Threshold", new() { ["threshold"] = "0" }), StringComparison.Ordinal);
        Assert.Contains("Enter the number of corrections", await PostAndFollowAsync(owner, url, "Threshold", new() { ["threshold"] = "lots" }), StringComparison.Ordinal);
        var saved = await PostAndFollowAsync(owner, url, "Threshold", new() { ["threshold"] = "50" });
        Assert.Contains("Threshold saved.", saved, StringComparison.Ordinal);
        Assert.Contains("0 of 50", saved, StringComparison.Ordinal);

        await SentimentTestKit.RecordAsync(factory, tenant.Info, SentimentTestKit.TenantVocabulary.Take(3));
        var queued = await PostAndFollowAsync(owner, url, "Retrain", []);
        Assert.Contains("Retraining queued", queued, StringComparison.Ordinal);
        Assert.Contains("Retraining queued…", queued, StringComparison.Ordinal);
        Assert.Contains("A retraining is already queued or running.", await PostAndFollowAsync(owner, url, "Retrain", []), StringComparison.Ordinal);
        var settings = await factory.InTenantAsync(tenant.Info, sp => sp.GetRequiredService<TenantDbContext>().SentimentSettings.AsNoTracking().SingleAsync());
        Assert.NotNull(settings.RetrainQueuedAt);
        Assert.Equal(50, settings.RetrainThreshold);
    }

    [Fact]
    public async Task An_agent_cannot_open_the_sentiment_settings()
    {
        var tenant = await factory.CreateTenantAsync();
        var agentEmail = $"agent@{tenant.Slug}.test";
        await factory.InTenantAsync(tenant.Info, async sp =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<VibeCrm.Data.Identity.AppUser>>();
            var user = new VibeCrm.Data.Identity.AppUser
            {
                Kind = VibeCrm.Data.Identity.AccountKind.Staff,
                UserName = VibeCrm.Data.Identity.AppUser.UserNameFor(VibeCrm.Data.Identity.AccountKind.Staff, agentEmail),
                Email = agentEmail,
                EmailConfirmed = true,
                FirstName = "Ada",
                LastName = "Agent",
                CreatedAt = DateTimeOffset.UtcNow,
            };
            Assert.True((await users.CreateAsync(user, VibeCrmFactory.Password)).Succeeded);
            return await users.AddToRoleAsync(user, VibeCrm.Data.Identity.Roles.Agent);
        });
        using var agent = new BrowserClient(factory);
        await agent.SignInStaffAsync(tenant.Slug, agentEmail);

        using var response = await agent.GetAsync($"/{tenant.Slug}/admin/settings/sentiment");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<string> PostAndFollowAsync(BrowserClient client, string url, string handler, Dictionary<string, string> fields)
    {
        using var response = await client.PostFormAsync(url, fields, $"{url}?handler={handler}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return WebUtility.HtmlDecode(await client.GetPageAsync(url));
    }
}
