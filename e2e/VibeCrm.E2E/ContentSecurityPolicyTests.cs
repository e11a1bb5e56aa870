using Microsoft.Playwright;
using VibeCrm.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static VibeCrm.E2E.Infrastructure.Journeys;

namespace VibeCrm.E2E;

[Collection(E2ECollection.Name)]
public sealed class ContentSecurityPolicyTests(AppFixture app)
{
    [Fact]
    public async Task Pages_run_without_console_errors_under_the_content_security_policy()
    {
        await using var browser = await app.NewSessionAsync();
        var page = browser.Page;
        var merchant = NewMerchant("Delta Deli");

        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Start free" })).ToBeVisibleAsync();
        await SignUpAsync(page, merchant);
        await page.GotoAsync($"/{merchant.Slug}/admin/settings/staff");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Staff");
        await page.GotoAsync($"/{merchant.Slug}/account/join");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Join the club");

        browser.AssertNoConsoleErrors(toleratingKnownIssues: false);
    }
}
