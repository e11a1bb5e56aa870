using System.Text.RegularExpressions;
using Microsoft.Playwright;
using VibeCrm.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static VibeCrm.E2E.Infrastructure.Journeys;
using static VibeCrm.E2E.Infrastructure.PageChecks;

namespace VibeCrm.E2E;

[Collection(E2ECollection.Name)]
public sealed class PlatformOperatorTests(AppFixture app)
{
    [Fact]
    public async Task Operator_suspends_and_resumes_a_tenant()
    {
        var merchant = NewMerchant("Gamma Garage");
        await using var ownerBrowser = await app.NewSessionAsync();
        await SignUpAsync(ownerBrowser.Page, merchant);

        await using var browser = await app.NewSessionAsync();
        var page = browser.Page;

        // The platform pages ask operators to sign in; a wrong password is refused.
        await page.GotoAsync("/platform");
        await Expect(page).ToHaveURLAsync(new Regex("/platform/sign-in"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Platform operators");
        await AxeAsync(page);
        await ScreenshotAsync(page, "14-platform-sign-in");
        await SignInAsync(page, AppFixture.OperatorEmail, "not-the-password-1");
        await Expect(page.GetByRole(AriaRole.Alert)).Not.ToBeEmptyAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/platform/sign-in"));

        await SignInAsync(page, AppFixture.OperatorEmail, AppFixture.OperatorPassword);
        await Expect(page).ToHaveURLAsync(new Regex("/platform$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tenants");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = merchant.Slug, Exact = true }) });
        await Expect(row).ToContainTextAsync(merchant.BusinessName);
        await Expect(row).ToContainTextAsync("Active");
        await AxeAsync(page);
        await ScreenshotAsync(page, "15-platform-tenants");

        // Suspend, after confirming.
        string? confirmation = null;
        page.Dialog += async (_, dialog) =>
        {
            confirmation = dialog.Message;
            await dialog.AcceptAsync();
        };
        await row.GetByRole(AriaRole.Button, new() { Name = $"Suspend {merchant.Slug}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Tenant suspended");
        Assert.StartsWith($"Suspend {merchant.BusinessName}?", confirmation, StringComparison.Ordinal);
        await Expect(row).ToContainTextAsync("Suspended");
        await AxeAsync(page);
        await ScreenshotAsync(page, "16-platform-tenant-suspended");

        // The tenant's pages, public and back office, now show the suspension notice.
        var portal = await browser.NewPageAsync();
        var response = await portal.GotoAsync($"/{merchant.Slug}");
        Assert.Equal(503, response?.Status);
        await Expect(portal.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Account suspended");
        await Expect(portal.GetByRole(AriaRole.Main)).ToContainTextAsync(merchant.BusinessName);
        await Expect(portal.GetByRole(AriaRole.Main)).ToContainTextAsync("This account is currently suspended.");
        await AxeAsync(portal);
        await ScreenshotAsync(portal, "17-tenant-suspended");

        var owner = ownerBrowser.Page;
        response = await owner.GotoAsync($"/{merchant.Slug}/admin");
        Assert.Equal(503, response?.Status);
        await Expect(owner.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Account suspended");

        // Resume: everything works again, the owner's session included.
        await row.GetByRole(AriaRole.Button, new() { Name = $"Resume {merchant.Slug}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Tenant resumed.");
        await Expect(row).ToContainTextAsync("Active");

        response = await portal.GotoAsync($"/{merchant.Slug}");
        Assert.Equal(200, response?.Status);
        await Expect(portal.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Welcome to the {merchant.BusinessName} member club");
        response = await owner.GotoAsync($"/{merchant.Slug}/admin");
        Assert.Equal(200, response?.Status);
        await Expect(owner.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Welcome to {merchant.BusinessName}");

        // Signing out of the platform closes it again.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GotoAsync("/platform");
        await Expect(page).ToHaveURLAsync(new Regex("/platform/sign-in"));

        browser.AssertNoConsoleErrors("status of 503");
        ownerBrowser.AssertNoConsoleErrors("status of 503");
    }
}
