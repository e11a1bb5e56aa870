using System.Text.RegularExpressions;
using Microsoft.Playwright;
using VibeCrm.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static VibeCrm.E2E.Infrastructure.Journeys;
using static VibeCrm.E2E.Infrastructure.PageChecks;

namespace VibeCrm.E2E;

/// <summary>Back office → Loyalty: a program with rules, tiers and a reward, then a member whose points are adjusted.</summary>
[Collection(E2ECollection.Name)]
public sealed class LoyaltyBackOfficeTests(AppFixture app)
{
    [Fact]
    public async Task Owner_creates_a_program_with_a_tier_and_a_reward_then_enrols_a_customer_and_adjusts_points()
    {
        var merchant = NewMerchant("Roastery");
        await using var session = await app.NewSessionAsync();
        var page = session.Page;
        await SignUpAsync(page, merchant);
        var main = page.GetByRole(AriaRole.Main);

        // The empty overview.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Back office" }).GetByRole(AriaRole.Link, new() { Name = "Loyalty" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/{merchant.Slug}/admin/loyalty$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("No loyalty program yet");
        await AxeAsync(page);
        await ScreenshotAsync(page, "40-loyalty-empty");

        // A program.
        await main.GetByRole(AriaRole.Link, new() { Name = "Create a program" }).ClickAsync();
        await Field(page, "Name").FillAsync("Coffee Club");
        await Field(page, "Unit name").FillAsync("stars");
        await Field(page, "Redemption value of one point").FillAsync("0.05");
        await Field(page, "Points expire").SelectOptionAsync("AfterDays");
        await Field(page, "N days").FillAsync("365");
        await AxeAsync(page);
        await ScreenshotAsync(page, "41-loyalty-program-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create program" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Program created.");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Coffee Club");

        // Earn rules, with htmx: a double-points day and a sign-up bonus.
        await page.GetByRole(AriaRole.Link, new() { Name = "Earn rules" }).ClickAsync();
        var editor = page.Locator("#rule-editor");
        await editor.GetByLabel("Name", new() { Exact = true }).FillAsync("Double Tuesdays");
        await editor.GetByLabel("Tuesday").CheckAsync();
        await editor.GetByRole(AriaRole.Button, new() { Name = "Add rule" }).ClickAsync();
        await Expect(page.Locator("#rule-list")).ToContainTextAsync("Double Tuesdays");
        await Expect(page.Locator("#rule-list")).ToContainTextAsync("Tue");
        await page.Locator("#rule-editor").GetByLabel("Kind").SelectOptionAsync("SignUpBonus");
        await Expect(page.Locator("#rule-editor").GetByLabel("Bonus stars")).ToBeVisibleAsync();
        await page.Locator("#rule-editor").GetByLabel("Name", new() { Exact = true }).FillAsync("Welcome");
        await page.Locator("#rule-editor").GetByLabel("Bonus stars").FillAsync("50");
        await page.Locator("#rule-editor").GetByRole(AriaRole.Button, new() { Name = "Add rule" }).ClickAsync();
        await Expect(page.Locator("#rule-list")).ToContainTextAsync("+50 stars");
        // A bad value: the message appears in place.
        await page.Locator("#rule-editor").GetByRole(AriaRole.Button, new() { Name = "Add rule" }).ClickAsync();
        await Expect(page.Locator("#rule-editor")).ToContainTextAsync("Give the rule a name");
        await AxeAsync(page);
        await ScreenshotAsync(page, "42-loyalty-rules");

        // Tiers.
        await page.GetByRole(AriaRole.Link, new() { Name = "Tiers" }).ClickAsync();
        var tierEditor = page.Locator("#tier-editor");
        await tierEditor.GetByLabel("Name", new() { Exact = true }).FillAsync("Silver");
        await tierEditor.GetByLabel("Threshold (stars earned)").FillAsync("0");
        await tierEditor.GetByRole(AriaRole.Button, new() { Name = "Add tier" }).ClickAsync();
        await Expect(page.Locator("#tier-list")).ToContainTextAsync("Silver");
        tierEditor = page.Locator("#tier-editor");
        await tierEditor.GetByLabel("Name", new() { Exact = true }).FillAsync("Gold");
        await tierEditor.GetByLabel("Threshold (stars earned)").FillAsync("500");
        await tierEditor.GetByLabel("Discount (%)").FillAsync("10");
        await tierEditor.GetByLabel("Priority support").CheckAsync();
        await tierEditor.GetByRole(AriaRole.Button, new() { Name = "Add tier" }).ClickAsync();
        await Expect(page.Locator("#tier-list")).ToContainTextAsync("10% discount · Priority support");
        await AxeAsync(page);
        await ScreenshotAsync(page, "43-loyalty-tiers");

        // A reward.
        await page.GetByRole(AriaRole.Link, new() { Name = "Rewards" }).ClickAsync();
        await main.GetByRole(AriaRole.Link, new() { Name = "New reward" }).ClickAsync();
        await Field(page, "Name").FillAsync("Free flat white");
        await Field(page, "Kind").SelectOptionAsync("FreeItem");
        await Field(page, "Free item SKU").FillAsync("FLATWHITE");
        await Field(page, "Cost (stars)").FillAsync("60");
        await Field(page, "Stock").FillAsync("100");
        await page.GetByLabel("Gold").CheckAsync();
        await AxeAsync(page);
        await ScreenshotAsync(page, "44-loyalty-reward-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create reward" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Reward created.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the rewards" }).ClickAsync();
        var rewardRow = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Free flat white" });
        await Expect(rewardRow).ToContainTextAsync("Free item FLATWHITE");
        await Expect(rewardRow).ToContainTextAsync("Gold");
        await AxeAsync(page);
        await ScreenshotAsync(page, "45-loyalty-rewards");

        // A customer joins from the customer page and gets the sign-up bonus.
        await page.GotoAsync($"/{merchant.Slug}/admin/customers/new");
        await page.GetByLabel("First name").FillAsync("Chloé");
        await page.GetByLabel("Last name").FillAsync("Dupont");
        await page.GetByLabel("Email").FillAsync("chloe.dupont@example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create customer" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/{merchant.Slug}/admin/customers/details/\\d+$"));
        await page.Locator("#enrol-form").GetByRole(AriaRole.Button, new() { Name = "Enrol" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/{merchant.Slug}/admin/loyalty/members/details/\\d+$"));
        await Expect(page.Locator("#active-balance")).ToHaveTextAsync("50");
        await Expect(page.Locator("#tier-name")).ToContainTextAsync("Silver");

        // The owner adjusts the points, with a reason.
        await Field(page, "Stars to add (negative to take back)").FillAsync("25");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record adjustment" }).ClickAsync();
        await Expect(page.Locator("#adjust-form")).ToContainTextAsync("Give a reason for the adjustment.");
        await Field(page, "Reason").FillAsync("Welcome gift from the barista");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record adjustment" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Adjustment of +25 recorded.");
        await Expect(page.Locator("#active-balance")).ToHaveTextAsync("75");
        await Expect(page.Locator("#ledger-table")).ToContainTextAsync("Welcome gift from the barista");
        await AxeAsync(page);
        await ScreenshotAsync(page, "46-loyalty-member");

        // The member list, the overview with its charts, the liability report.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Loyalty section" }).GetByRole(AriaRole.Link, new() { Name = "Members" }).ClickAsync();
        var memberRow = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Chloé Dupont" });
        await Expect(memberRow).ToContainTextAsync("75");
        await Expect(memberRow).ToContainTextAsync("Silver");
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search" }).FillAsync("zzz");
        await Expect(page.Locator("#member-results")).ToContainTextAsync("No member matches.");
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search" }).FillAsync("dupo");
        await Expect(page.Locator("#member-results")).ToContainTextAsync("Chloé Dupont");
        await AxeAsync(page);
        await ScreenshotAsync(page, "47-loyalty-members");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Loyalty section" }).GetByRole(AriaRole.Link, new() { Name = "Overview" }).ClickAsync();
        await Expect(page.Locator("#kpi-members")).ToHaveTextAsync("1");
        await Expect(page.Locator("#kpi-outstanding")).ToHaveTextAsync("75");
        await Expect(page.Locator("#activity-feed")).ToContainTextAsync("Chloé Dupont");
        await Expect(page.Locator("canvas[data-chart]")).ToHaveCountAsync(2);
        await AxeAsync(page);
        await ScreenshotAsync(page, "48-loyalty-overview");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Loyalty section" }).GetByRole(AriaRole.Link, new() { Name = "Liability" }).ClickAsync();
        var liability = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Coffee Club" });
        await Expect(liability).ToContainTextAsync("3.75 EUR");
        await AxeAsync(page);
        await ScreenshotAsync(page, "49-loyalty-liability");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Loyalty section" }).GetByRole(AriaRole.Link, new() { Name = "Programs" }).ClickAsync();
        await Expect(page.Locator("#program-list")).ToContainTextAsync("Coffee Club");
        await AxeAsync(page);
        await ScreenshotAsync(page, "50-loyalty-programs");
    }
}
