using System.Text.RegularExpressions;
using Microsoft.Playwright;
using VibeCrm.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static VibeCrm.E2E.Infrastructure.Journeys;
using static VibeCrm.E2E.Infrastructure.PageChecks;

namespace VibeCrm.E2E;

[Collection(E2ECollection.Name)]
public sealed class MemberPortalTests(AppFixture app)
{
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    [Fact]
    public async Task Member_joins_confirms_their_email_signs_in_and_manages_preferences_on_a_phone()
    {
        var merchant = NewMerchant("Flower Shop");
        await using var ownerBrowser = await app.NewSessionAsync();
        await SignUpAsync(ownerBrowser.Page, merchant);
        var member = NewMember(merchant.Slug);

        await using var phone = await app.NewSessionAsync(Phone, mobile: true);
        var page = phone.Page;

        // The portal's landing page leads to joining.
        await page.GotoAsync($"/{merchant.Slug}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Welcome to the {merchant.BusinessName} member club");
        await AxeAsync(page);
        await ScreenshotAsync(page, "08-portal-landing-mobile");
        await page.GetByRole(AriaRole.Link, new() { Name = "Join the club" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/{merchant.Slug}/account/join$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Join the club");
        await AxeAsync(page);
        await ScreenshotAsync(page, "09-join-mobile");

        await FillJoinAsync(page, member, marketing: true);
        await page.GetByRole(AriaRole.Button, new() { Name = "Join", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Almost done! We sent a confirmation link to {member.Email}.");

        // Signing in before confirming is refused with an explanation.
        await page.GotoAsync($"/{merchant.Slug}/account/signin");
        await SignInAsync(page, member.Email, member.Password);
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Please confirm your email first");

        // The confirmation email carries the link (text and HTML parts).
        var email = await app.Mail.WaitForMessageAsync(member.Email, "/account/confirmemail");
        Assert.Equal($"Confirm your email for {merchant.BusinessName}", email.Subject);
        Assert.Contains($"Hi {member.FirstName} {member.LastName}", email.TextBody, StringComparison.Ordinal);
        var link = SmtpSink.LinkIn(email, "/account/confirmemail");
        Assert.Equal($"/{merchant.Slug}/account/confirmemail", link.AbsolutePath);
        Assert.Contains("userId=", link.Query, StringComparison.Ordinal);
        Assert.Contains("&token=", link.Query, StringComparison.Ordinal);
        Assert.Contains(link.AbsolutePath, email.HtmlBody, StringComparison.Ordinal);

        await page.GotoAsync(link.ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your email is confirmed");
        await ScreenshotAsync(page, "10-email-confirmed-mobile");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/{merchant.Slug}/account/signin$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Member sign in");
        await AxeAsync(page);
        await ScreenshotAsync(page, "11-member-sign-in-mobile");

        await SignInAsync(page, member.Email, member.Password);
        await Expect(page).ToHaveURLAsync(new Regex($"/{merchant.Slug}/me$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("My account");
        var card = page.Locator(".member-card");
        await Expect(card).ToContainTextAsync($"{member.FirstName} {member.LastName}");
        await Expect(card).ToContainTextAsync(member.Email);
        await Expect(Field(page, "Offers and news by email")).ToBeCheckedAsync();
        // Points and rewards updates are on by default: they are about the member's own account.
        await Expect(Field(page, "Points and rewards updates by email")).ToBeCheckedAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "My account" })).ToBeVisibleAsync();
        await AxeAsync(page);
        await ScreenshotAsync(page, "12-member-account-mobile");

        // Change the preferences and see them saved.
        await Field(page, "Offers and news by email").UncheckAsync();
        await Field(page, "Points and rewards updates by email").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your preferences are saved.");
        await Expect(Field(page, "Offers and news by email")).Not.ToBeCheckedAsync();
        await Expect(Field(page, "Points and rewards updates by email")).Not.ToBeCheckedAsync();
        await AxeAsync(page);
        await ScreenshotAsync(page, "13-member-preferences-saved-mobile");
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveCountAsync(0);
        await Expect(Field(page, "Offers and news by email")).Not.ToBeCheckedAsync();
        await Expect(Field(page, "Points and rewards updates by email")).Not.ToBeCheckedAsync();

        // The owner's dashboard counts the confirmed member.
        var owner = ownerBrowser.Page;
        await owner.ReloadAsync();
        await Expect(owner.Locator(".kpi-card", new() { HasText = "Member accounts" }).Locator(".kpi-value")).ToHaveTextAsync("1");
        await Expect(owner.Locator(".kpi-card", new() { HasText = "Confirmed emails" }).Locator(".kpi-value")).ToHaveTextAsync("1");

        phone.AssertNoConsoleErrors();
        ownerBrowser.AssertNoConsoleErrors();
    }
}
