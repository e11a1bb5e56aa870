using System.Text.RegularExpressions;
using Microsoft.Playwright;
using VibeCrm.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static VibeCrm.E2E.Infrastructure.Journeys;

namespace VibeCrm.E2E;

[Collection(E2ECollection.Name)]
public sealed class TenantIsolationTests(AppFixture app)
{
    [Fact]
    public async Task Sessions_of_one_tenant_do_not_open_another_and_staff_and_members_are_kept_apart()
    {
        var a = NewMerchant("Alpha Bikes");
        var b = NewMerchant("Beta Books");
        await using (var other = await app.NewSessionAsync())
        {
            await SignUpAsync(other.Page, b);
        }

        // One browser: A's owner, and (below) A's member.
        await using var browser = await app.NewSessionAsync();
        var page = browser.Page;
        await SignUpAsync(page, a);

        // A's owner asks for B's back office and gets B's sign-in page, not B's dashboard.
        await page.GotoAsync($"/{b.Slug}/admin");
        await Expect(page).ToHaveURLAsync(new Regex($"/{b.Slug}/admin/account/login\\?ReturnUrl="));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Staff sign in");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync($"{b.BusinessName} · back office");
        await Expect(page.GetByText($"Welcome to {b.BusinessName}")).ToHaveCountAsync(0);

        // A's staff cookie, presented under B's cookie name, is refused too (the tenant claim is checked).
        var cookies = await browser.Context.CookiesAsync();
        var staffCookie = cookies.Single(c => c.Name == $".vibecrm.staff.{a.Slug}");
        await browser.Context.AddCookiesAsync([new Cookie
        {
            Name = $".vibecrm.staff.{b.Slug}",
            Value = staffCookie.Value,
            Domain = staffCookie.Domain,
            Path = staffCookie.Path,
        }]);
        await page.GotoAsync($"/{b.Slug}/admin");
        await Expect(page).ToHaveURLAsync(new Regex($"/{b.Slug}/admin/account/login"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Staff sign in");

        // A's own back office still works in the same browser.
        await page.GotoAsync($"/{a.Slug}/admin");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Welcome to {a.BusinessName}");

        // The owner's staff credentials do not sign in to the member portal.
        await page.GotoAsync($"/{a.Slug}/account/signin");
        await SignInAsync(page, a.Email, a.Password);
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Email or password is not correct.");
        await Expect(page).ToHaveURLAsync(new Regex($"/{a.Slug}/account/signin"));

        // A's member signs in at A...
        var member = NewMember(a.Slug);
        await JoinAndConfirmAsync(page, app.Mail, a.Slug, member);
        await page.GotoAsync($"/{a.Slug}/account/signin");
        await SignInAsync(page, member.Email, member.Password);
        await Expect(page).ToHaveURLAsync(new Regex($"/{a.Slug}/me$"));
        await Expect(page.Locator(".member-card")).ToContainTextAsync(member.Email);

        // ...but that session does not open B's member pages,
        await page.GotoAsync($"/{b.Slug}/me");
        await Expect(page).ToHaveURLAsync(new Regex($"/{b.Slug}/account/signin\\?ReturnUrl="));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Member sign in");
        await Expect(page.Locator(".member-card")).ToHaveCountAsync(0);

        // ...and A's member credentials do not exist at B, nor in A's back office.
        await SignInAsync(page, member.Email, member.Password);
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Email or password is not correct.");
        await page.GotoAsync($"/{a.Slug}/admin/account/login");
        await SignInAsync(page, member.Email, member.Password);
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Email or password is not correct.");
        await Expect(page).ToHaveURLAsync(new Regex($"/{a.Slug}/admin/account/login"));

        // The owner's credentials do not sign in at B either.
        await page.GotoAsync($"/{b.Slug}/admin/account/login");
        await SignInAsync(page, a.Email, a.Password);
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Email or password is not correct.");

        browser.AssertNoConsoleErrors();
    }
}
