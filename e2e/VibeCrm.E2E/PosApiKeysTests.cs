using Microsoft.Playwright;
using VibeCrm.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static VibeCrm.E2E.Infrastructure.Journeys;

namespace VibeCrm.E2E;

[Collection(E2ECollection.Name)]
public sealed class PosApiKeysTests(AppFixture app)
{
    [Fact]
    public async Task The_owner_creates_an_api_key_and_opens_the_api_reference()
    {
        await using var browser = await app.NewSessionAsync();
        var page = browser.Page;
        var merchant = NewMerchant("Kilo Kiosk");
        await SignUpAsync(page, merchant);

        await page.GotoAsync($"/{merchant.Slug}/admin/settings/apikeys");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("API keys");
        await PageChecks.AxeAsync(page);
        await Field(page, "Name").FillAsync("Front till");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();
        await Expect(Field(page, "API key")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex($"^vk_{merchant.Slug}_"));
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Front till", Exact = true })).ToBeVisibleAsync();
        await PageChecks.AxeAsync(page);
        await PageChecks.ScreenshotAsync(page, "pos-api-keys");
        browser.AssertNoConsoleErrors(toleratingKnownIssues: false);

        await page.GetByRole(AriaRole.Link, new() { Name = "Open the API reference" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "VibeCrm POS API", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Record a purchase: points earned, pending, new balance and tier").First).ToBeVisibleAsync();
        await PageChecks.ScreenshotAsync(page, "pos-api-reference");
    }
}
