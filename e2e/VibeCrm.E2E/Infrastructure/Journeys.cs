using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace VibeCrm.E2E.Infrastructure;

public sealed record Merchant(string Slug, string BusinessName, string FirstName, string LastName, string Email, string Password);

public sealed record Member(string FirstName, string LastName, string Email, string Password);

/// <summary>Steps several journeys share, done the way a person does them: through the pages.</summary>
public static class Journeys
{
    public const string Password = "correct-horse-42";

    /// <summary>A URL name no other test uses: a letter and nine hex digits.</summary>
    public static string NewSlug() => "t" + Guid.NewGuid().ToString("N")[..9];

    public static Merchant NewMerchant(string businessName = "Corner Café")
    {
        var slug = NewSlug();
        return new Merchant(slug, $"{businessName} {slug[1..5]}", "Olivia", "Owner", $"owner.{slug}@example.com", Password);
    }

    public static Member NewMember(string slug) => new("Maya", "Member", $"maya.{slug}@example.com", Password);

    public static ILocator Field(IPage page, string label) => page.GetByLabel(label, new() { Exact = true });

    /// <summary>Fills the sign-up form; the caller submits and checks the outcome.</summary>
    public static async Task FillSignupAsync(IPage page, Merchant m, string? currency = null)
    {
        await Field(page, "Business name").FillAsync(m.BusinessName);
        await Field(page, "URL name").FillAsync(m.Slug);
        if (currency is not null)
        {
            await Field(page, "Currency").SelectOptionAsync(currency);
        }

        await Field(page, "Your first name").FillAsync(m.FirstName);
        await Field(page, "Your last name").FillAsync(m.LastName);
        await Field(page, "Your email").FillAsync(m.Email);
        await Field(page, "Password").FillAsync(m.Password);
    }

    /// <summary>Signs a merchant up and checks they land on their dashboard, signed in.</summary>
    public static async Task SignUpAsync(IPage page, Merchant m, string? currency = null)
    {
        await page.GotoAsync("/signup");
        await FillSignupAsync(page, m, currency);

        // The URL-name availability check runs over htmx while typing; submit once it has answered, as a person would.
        await PageChecks.SettledAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/{m.Slug}/admin$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Welcome to {m.BusinessName}");
    }

    /// <summary>Signs a member up, opens the link of the confirmation email and sees the confirmation.</summary>
    public static async Task JoinAndConfirmAsync(IPage page, SmtpSink mail, string slug, Member member, bool marketing = false)
    {
        await page.GotoAsync($"/{slug}/account/join");
        await FillJoinAsync(page, member, marketing);
        await page.GetByRole(AriaRole.Button, new() { Name = "Join", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"We sent a confirmation link to {member.Email}");

        var email = await mail.WaitForMessageAsync(member.Email, "/account/confirmemail");
        await page.GotoAsync(SmtpSink.LinkIn(email, "/account/confirmemail").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your email is confirmed");
    }

    public static async Task FillJoinAsync(IPage page, Member member, bool marketing)
    {
        await Field(page, "First name").FillAsync(member.FirstName);
        await Field(page, "Last name").FillAsync(member.LastName);
        await Field(page, "Email").FillAsync(member.Email);
        await Field(page, "Password").FillAsync(member.Password);
        await Field(page, "Send me offers and news by email").SetCheckedAsync(marketing);
    }

    /// <summary>Fills a sign-in form (staff or member, same fields) and submits it.</summary>
    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await Field(page, "Email").FillAsync(email);
        await Field(page, "Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }
}
