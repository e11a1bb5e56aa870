using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VibeCrm.Data.Tenants;
using VibeCrm.E2E.Infrastructure;
using VibeCrm.Tenancy;
using VibeCrm.Web.Features.Demo;
using VibeCrm.Web.Features.PosApi;
using static Microsoft.Playwright.Assertions;
using static VibeCrm.E2E.Infrastructure.Journeys;
using static VibeCrm.E2E.Infrastructure.PageChecks;

namespace VibeCrm.E2E;

/// <summary>A member joins the loyalty program in the portal, earns at the till through the POS API, sees balance and tier progress, redeems a reward and the till consumes its code.</summary>
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

        // the till records the purchase through the POS API with the merchant's key, 15 days ago: past its return window
        var apiKey = await InTenantAsync(merchant.Slug, async sp => (await sp.GetRequiredService<ApiKeyService>().CreateAsync("Front till", null, CancellationToken.None)).Key!);
        using var till = new HttpClient { BaseAddress = app.BaseUrl };
        till.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        var cardNumber = await InTenantAsync(merchant.Slug, sp => sp.GetRequiredService<TenantDbContext>().LoyaltyMemberships.Select(m => m.CardNumber).SingleAsync());
        var purchase = new
        {
            cardNumber,
            externalId = "T-1001",
            lines = new[]
            {
                new { sku = "CAP", name = "Cappuccino", category = "coffee", quantity = 2m, unitPrice = 3.40m },
                new { sku = "BEA", name = "House beans 250 g", category = "retail", quantity = 2m, unitPrice = 9.50m },
                new { sku = "SAN", name = "Sandwich", category = "food", quantity = 2m, unitPrice = 6.90m },
            },
            total = 39.60m,
            paymentMethod = "card",
            storeCode = "Bastille",
            occurredAt = NotOnATuesday(DateTimeOffset.UtcNow.AddDays(-15)),
        };
        using (var first = await PostAsync(till, $"/{merchant.Slug}/api/v1/purchases", purchase, "till-T-1001"))
        using (var replay = await PostAsync(till, $"/{merchant.Slug}/api/v1/purchases", purchase, "till-T-1001"))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
            using var earned = JsonDocument.Parse(await first.Content.ReadAsStringAsync());
            Assert.False(earned.RootElement.GetProperty("pending").GetBoolean());
            Assert.Equal(736, earned.RootElement.GetProperty("activeBalance").GetInt32());
            Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        }

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
        var codePage = page.Url;
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

        // the till validates and consumes the code through the API; the portal then shows it as used
        using (var validated = await till.GetAsync(new Uri($"/{merchant.Slug}/api/v1/reward-codes/{code}", UriKind.Relative)))
        {
            using var view = JsonDocument.Parse(await validated.Content.ReadAsStringAsync());
            Assert.True(view.RootElement.GetProperty("usable").GetBoolean());
        }

        using (var consumed = await PostAsync(till, $"/{merchant.Slug}/api/v1/reward-codes/{code}/consume", new { storeCode = "Bastille" }, "consume-" + code))
        using (var again = await PostAsync(till, $"/{merchant.Slug}/api/v1/reward-codes/{code}/consume", new { storeCode = "Bastille" }, "consume-again-" + code))
        {
            Assert.Equal(HttpStatusCode.OK, consumed.StatusCode);
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
            Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "My rewards", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("mine-used")).ToContainTextAsync(code!);
        await Expect(page.GetByTestId("mine-active")).ToHaveCountAsync(0);
        await page.GotoAsync(codePage);
        await Expect(page.GetByTestId("code-state")).ToHaveTextAsync("Used");
        phone.AssertNoConsoleErrors();
        Assert.NotNull(tenant);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient till, string path, object body, string idempotencyKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return till.SendAsync(request);
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
