using Microsoft.Playwright;
using VibeCrm.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static VibeCrm.E2E.Infrastructure.Journeys;
using static VibeCrm.E2E.Infrastructure.PageChecks;

namespace VibeCrm.E2E;

[Collection(E2ECollection.Name)]
public sealed class SentimentSettingsTests(AppFixture app)
{
    [Fact]
    public async Task An_owner_adds_a_topic_on_the_sentiment_settings_page_which_passes_axe()
    {
        await using var browser = await app.NewSessionAsync();
        var page = browser.Page;
        var merchant = NewMerchant("Echo Bakery");
        await SignUpAsync(page, merchant);

        await page.GotoAsync($"/{merchant.Slug}/admin/settings/sentiment");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sentiment");
        await Expect(page.GetByTestId("model-in-use")).ToContainTextAsync("Base model");

        await Field(page, "Topic name").FillAsync("Parking");
        await Field(page, "Keywords (comma-separated)").FillAsync("parking, car park");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add topic" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Topic “Parking” saved.");
        await Expect(page.GetByLabel("Keywords of Parking")).ToHaveValueAsync("parking, car park");
        await AxeAsync(page);
        await ScreenshotAsync(page, "sentiment-settings");
        browser.AssertNoConsoleErrors(toleratingKnownIssues: false);
    }
}
