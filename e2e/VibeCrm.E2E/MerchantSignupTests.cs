using System.Text.RegularExpressions;
using Microsoft.Playwright;
using VibeCrm.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static VibeCrm.E2E.Infrastructure.Journeys;
using static VibeCrm.E2E.Infrastructure.PageChecks;

namespace VibeCrm.E2E;

[Collection(E2ECollection.Name)]
public sealed class MerchantSignupTests(AppFixture app)
{
    private static readonly string[] Sections = ["Dashboard", "Customers", "Loyalty", "Feedback", "Surveys", "Segments", "Marketing", "Lifecycle", "Settings"];

    [Fact]
    public async Task Merchant_signs_up_and_lands_in_their_back_office()
    {
        await using var browser = await app.NewSessionAsync();
        var page = browser.Page;
        var merchant = NewMerchant();

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Start free" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/signup$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Create your VibeCrm account");
        await AxeAsync(page);
        await ScreenshotAsync(page, "01-signup");

        await FillSignupAsync(page, merchant, currency: "GBP");
        // The URL name is checked while it is typed (htmx).
        await Expect(page.Locator("#slug-check")).ToHaveTextAsync($"vibecrm/{merchant.Slug} looks good.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/{merchant.Slug}/admin$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Welcome to {merchant.BusinessName}");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = $"{merchant.FirstName} {merchant.LastName}" })).ToBeVisibleAsync();
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Back office" });
        await Expect(nav).ToContainTextAsync(merchant.BusinessName);
        await Expect(nav.GetByRole(AriaRole.Link).Filter(new() { HasNotText = merchant.BusinessName }))
            .ToHaveTextAsync(Sections.Select(s => new Regex($"^\\W*{s}\\W*$")).ToArray());
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Dashboard" })).ToHaveAttributeAsync("aria-current", "page");
        var activeStaff = page.Locator(".kpi-card", new() { HasText = "Active staff" }).Locator(".kpi-value");
        await Expect(activeStaff).ToHaveTextAsync("1");
        await AxeAsync(page);
        await ScreenshotAsync(page, "02-dashboard");

        await nav.GetByRole(AriaRole.Link, new() { Name = "Customers" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/{merchant.Slug}/admin/customers$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Customers");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync("No customers yet");
        await AxeAsync(page);
        await ScreenshotAsync(page, "03-customers-empty");

        // The first customer: the form, then the search box (htmx) finds them.
        await page.GetByRole(AriaRole.Link, new() { Name = "Add your first customer" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/{merchant.Slug}/admin/customers/new$"));
        await page.GetByLabel("First name").FillAsync("Chloé");
        await page.GetByLabel("Last name").FillAsync("Dupont");
        await page.GetByLabel("Email").FillAsync("chloe.dupont@example.com");
        await page.GetByLabel("Tags", new() { Exact = true }).FillAsync("vip, vegan");
        await AxeAsync(page);
        await ScreenshotAsync(page, "03b-customer-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create customer" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/{merchant.Slug}/admin/customers/details/\\d+$"));
        await page.GotoAsync($"/{merchant.Slug}/admin/customers");
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search" }).FillAsync("dupo");
        await Expect(page).ToHaveURLAsync(new Regex("q=dupo"));
        await Expect(page.Locator("#customer-results")).ToContainTextAsync("Chloé Dupont");
        await Expect(page.Locator("#customer-results")).ToContainTextAsync("vip");
        await AxeAsync(page);
        await ScreenshotAsync(page, "03c-customers-search");

        await nav.GetByRole(AriaRole.Link, new() { Name = "Settings" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(merchant.Slug);
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("GBP");
        await page.GetByRole(AriaRole.Link, new() { Name = "Manage staff" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/{merchant.Slug}/admin/settings/staff$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Staff");
        var ownerRow = page.GetByRole(AriaRole.Row).Filter(new() { HasText = merchant.Email });
        await Expect(ownerRow).ToContainTextAsync("Owner (you)");
        await Expect(ownerRow).ToContainTextAsync("Active");
        await Expect(page.GetByText("No invitation is waiting.")).ToBeVisibleAsync();
        await AxeAsync(page);
        await ScreenshotAsync(page, "04-staff-settings");

        browser.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Signup_refuses_reserved_and_taken_url_names_and_weak_passwords()
    {
        await using var browser = await app.NewSessionAsync();
        var page = browser.Page;

        // A reserved URL name: explained while typing and on submit; nothing is created.
        var reserved = NewMerchant() with { Slug = "admin" };
        await page.GotoAsync("/signup");
        await FillSignupAsync(page, reserved);
        await Expect(page.Locator("#slug-check")).ToHaveTextAsync("“admin” is reserved. Please choose another URL name.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/signup$"));
        await Expect(page.Locator("[data-valmsg-for='Input.Slug']")).ToHaveTextAsync("“admin” is reserved. Please choose another URL name.");
        await Expect(Field(page, "Business name")).ToHaveValueAsync(reserved.BusinessName);
        await AxeAsync(page);
        await ScreenshotAsync(page, "05-signup-reserved-slug");

        // A URL name that is already taken.
        var first = NewMerchant("First Shop");
        await using (var other = await app.NewSessionAsync())
        {
            await SignUpAsync(other.Page, first);
        }

        var copycat = NewMerchant("Copycat Shop") with { Slug = first.Slug };
        await page.GotoAsync("/signup");
        await FillSignupAsync(page, copycat);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/signup$"));
        await Expect(page.Locator("[data-valmsg-for='Input.Slug']")).ToHaveTextAsync($"“{first.Slug}” is already taken. Please choose another URL name.");
        await page.GotoAsync($"/{first.Slug}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Welcome to the {first.BusinessName} member club");

        // Weak passwords: too short, then long enough but without a digit.
        var weak = NewMerchant() with { Password = "short1" };
        await page.GotoAsync("/signup");
        await FillSignupAsync(page, weak);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
        await Expect(page.Locator("[data-valmsg-for='Input.Password']")).ToHaveTextAsync("Use at least 10 characters.");

        await Field(page, "Password").FillAsync("onlyletters-here");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/signup$"));
        await Expect(page.Locator("[data-valmsg-for='Input.Password']")).ToContainTextAsync("digit");
        await AxeAsync(page);
        await ScreenshotAsync(page, "06-signup-weak-password");

        // Nothing was created for the refused sign-up: its URL name does not exist.
        var response = await page.GotoAsync($"/{weak.Slug}");
        Assert.Equal(404, response?.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("We could not find that page");

        browser.AssertNoConsoleErrors("status of 404");
    }

    [Fact]
    public async Task Signup_explains_every_password_rule_that_is_broken()
    {
        await using var browser = await app.NewSessionAsync();
        var page = browser.Page;
        var merchant = NewMerchant() with { Password = "NO-DIGITS-NO-LOWER-CASE" };

        await page.GotoAsync("/signup");
        await FillSignupAsync(page, merchant);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/signup$"));
        var passwordMessage = page.Locator("[data-valmsg-for='Input.Password']");
        await Expect(passwordMessage).ToContainTextAsync("digit");
        await Expect(passwordMessage).ToContainTextAsync("lowercase");
        await Expect(page.GetByText("We could not set up your account just now")).ToHaveCountAsync(0);
    }
}
