using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VibeCrm.Data.Tenants;
using VibeCrm.E2E.Infrastructure;
using VibeCrm.Tenancy;
using VibeCrm.Web.Features.Demo;
using VibeCrm.Web.Features.Loyalty;
using static Microsoft.Playwright.Assertions;
using static VibeCrm.E2E.Infrastructure.Journeys;
using static VibeCrm.E2E.Infrastructure.PageChecks;

namespace VibeCrm.E2E;

/// <summary>A member joins the loyalty program in the portal, earns at the till, sees balance and tier progress and redeems a reward.</summary>
[Collection(E2ECollection.Name)]
public sealed class MemberLoyaltyTests(AppFixture app)
{
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    [Fact]
    public async Task Member_joins_the_club_earns_sees_tier_progress_and_redeems_a_reward_on_a_phone()
    {
        var merchant = NewMerchant("Bean Counter");
        await using (var ownerBrowser = await app.NewSessionAsync())
        {
            await SignUpAsync(ownerBrowser.Page, merchant);
        }

        // the merchant's program: the demo Coffee Club settings (tiers, rules, rewards), no customers yet
        var tenant = await InTenantAsync(merchant.Slug, sp => sp.GetRequiredService<LoyaltyDemoData>().SeedAsync(1, "EUR", "Europe/Paris", CancellationToken.None));
        var member = NewMember(merchant.Slug);

        await using var phone = await app.NewSessionAsync(Phone, mobile: true);
        var page = phone.Page;
        await page.GotoAsync($"/{merchant.Slug}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Coffee Club" })).ToBeVisibleAsync();
        await AxeAsync(page);
        await ScreenshotAsync(page, "loyalty-01-portal-home-mobile");

        await JoinAndConfirmAsync(page, app.Mail, merchant.Slug, member);
        await page.GotoAsync($"/{merchant.Slug}/account/signin");
        await SignInAsync(page, member.Email, member.Password);
        await Expect(page).ToHaveURLAsync(new Regex($"/{merchant.Slug}/me$"));
        await page.GetByRole(AriaRole.Link, new() { Name = "My club" }).ClickAsync();

        // not a member yet: the join step with the terms
        await Expect(page).ToHaveURLAsync(new Regex($"/{merchant.Slug}/me/loyalty/join$"));
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Coffee Club terms" })).ToContainTextAsync("expire 12 months after");
        await AxeAsync(page);
        await ScreenshotAsync(page, "loyalty-02-join-mobile");
        await page.GetByRole(AriaRole.Button, new() { Name = "Join", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Please accept the program terms to join.");
        await page.GetByLabel("I accept the program terms").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Join", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/{merchant.Slug}/me/loyalty$"));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Welcome to the club!");
        await Expect(page.GetByTestId("active-points")).ToHaveTextAsync("100");
        await Expect(page.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("^QR code of member card") })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("tier-headline")).ToHaveTextAsync("Spend €150.00 more to reach Silver");

        // the till records a purchase (through the same engine path as the POS API), 15 days ago: past its return window
        await InTenantAsync(merchant.Slug, async sp =>
        {
            var db = sp.GetRequiredService<TenantDbContext>();
            var membership = await db.LoyaltyMemberships.SingleAsync();
            var outcome = await sp.GetRequiredService<PurchaseRecorder>().RecordAsync(new PurchaseInput(membership.ProgramId, membership.CustomerId, "T-1001",
                [new PurchaseLineInput("CAP", "Cappuccino", "coffee", 2, 3.40m), new PurchaseLineInput("BEA", "House beans 250 g", "retail", 2, 9.50m), new PurchaseLineInput("SAN", "Sandwich", "food", 2, 6.90m)],
                39.60m, "EUR", "card", "Bastille", NotOnATuesday(DateTimeOffset.UtcNow.AddDays(-15))), CancellationToken.None);
            Assert.True(outcome.Result.Succeeded, outcome.Result.Error);
            return outcome;
        });

        await page.ReloadAsync();
        // 100 to join + 50 first visit + 396 for €39.60 + 190 more for the beans (double points) = 736
        await Expect(page.GetByTestId("active-points")).ToHaveTextAsync("736");
        await Expect(page.GetByTestId("tier-headline")).ToHaveTextAsync("Spend €110.40 more to reach Silver");
        await Expect(page.GetByTestId("history")).ToContainTextAsync("Purchase of €39.60 at Bastille");
        await AxeAsync(page);
        await ScreenshotAsync(page, "loyalty-03-member-card-mobile");

        await page.GetByRole(AriaRole.Link, new() { Name = "Rewards", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("rewards-balance")).ToHaveTextAsync("736 points");
        await AxeAsync(page);
        await ScreenshotAsync(page, "loyalty-04-rewards-mobile");
        await page.GetByRole(AriaRole.Link, new() { Name = "Redeem Free cappuccino" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync("Free cappuccino");
        await AxeAsync(page);
        await ScreenshotAsync(page, "loyalty-05-redeem-confirm-mobile");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm: use 400 points" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/{merchant.Slug}/me/loyalty/code/\\d+$"));
        await Expect(page.GetByTestId("reward-code")).ToHaveTextAsync(new Regex("^[0-9A-Z]{10}$"));
        await Expect(page.GetByTestId("code-qr")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("code-state")).ToHaveTextAsync("Ready to use");
        await AxeAsync(page);
        await ScreenshotAsync(page, "loyalty-06-reward-code-mobile");
        var code = await page.GetByTestId("reward-code").TextContentAsync();
        var validated = await InTenantAsync(merchant.Slug, sp => sp.GetRequiredService<RewardRedemptions>().ValidateAsync(code!, CancellationToken.None));
        Assert.True(validated is { IsUsable: true, RewardName: "Free cappuccino" });

        await page.GetByRole(AriaRole.Link, new() { Name = "My rewards", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("mine-active")).ToContainTextAsync(code!);
        await AxeAsync(page);
        await ScreenshotAsync(page, "loyalty-07-my-rewards-mobile");

        await page.GetByRole(AriaRole.Link, new() { Name = "History", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("history")).ToContainTextAsync("Reward: Free cappuccino");
        await Expect(page.GetByTestId("history")).ToContainTextAsync("Welcome bonus");
        await AxeAsync(page);
        await ScreenshotAsync(page, "loyalty-08-history-mobile");

        await page.GetByRole(AriaRole.Link, new() { Name = "My card", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("active-points")).ToHaveTextAsync("336");
        phone.AssertNoConsoleErrors();
        Assert.NotNull(tenant);
    }

    /// <summary>Double points on Tuesdays would change the figures: move the purchase a day back if needed.</summary>
    private static DateTimeOffset NotOnATuesday(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).DayOfWeek == DayOfWeek.Tuesday ? at.AddDays(-1) : at;

    private async Task<T> InTenantAsync<T>(string slug, Func<IServiceProvider, Task<T>> action)
    {
        var store = app.Services.GetRequiredService<ITenantStore>();
        var tenant = await store.FindByIdentifierAsync(slug, CancellationToken.None) ?? throw new InvalidOperationException($"No tenant {slug}.");
        using (app.Services.GetRequiredService<ITenantContextAccessor>().BeginScope(tenant))
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await action(scope.ServiceProvider);
        }
    }
}
