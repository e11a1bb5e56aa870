using System.Text.RegularExpressions;
using Microsoft.Playwright;
using VibeCrm.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static VibeCrm.E2E.Infrastructure.Journeys;
using static VibeCrm.E2E.Infrastructure.PageChecks;

namespace VibeCrm.E2E;

[Collection(E2ECollection.Name)]
public sealed class FeedbackTests(AppFixture app)
{
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    [Fact]
    public async Task A_member_reviews_in_the_portal_staff_see_it_scored_reply_publicly_and_the_member_sees_the_reply()
    {
        var merchant = NewMerchant("Bakery");
        await using var staffBrowser = await app.NewSessionAsync();
        var staff = staffBrowser.Page;
        await SignUpAsync(staff, merchant);

        // A member joins, signs in on a phone and leaves a review.
        var member = NewMember(merchant.Slug);
        await using var phone = await app.NewSessionAsync(Phone, mobile: true);
        var page = phone.Page;
        await JoinAndConfirmAsync(page, app.Mail, merchant.Slug, member);
        await page.GotoAsync($"/{merchant.Slug}/account/signin");
        await SignInAsync(page, member.Email, member.Password);
        await Expect(page).ToHaveURLAsync(new Regex($"/{merchant.Slug}/me$"));
        await page.GotoAsync($"/{merchant.Slug}/feedback/new");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tell us how we are doing");
        await AxeAsync(page);
        await ScreenshotAsync(page, "40-feedback-portal-form-mobile");

        await page.Locator("label[for='rating-4']").ClickAsync();
        await Field(page, "Title (optional)").FillAsync("Sunday croissants");
        await Field(page, "Your feedback").FillAsync("The almond croissants were amazing and the staff so friendly, but the queue was a bit long.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/{merchant.Slug}/feedback/mine$"));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Thank you for your review!");
        await Expect(page.Locator(".my-feedback")).ToContainTextAsync("Sunday croissants");
        await AxeAsync(page);
        await ScreenshotAsync(page, "41-feedback-mine-mobile");

        // Staff see it in the inbox; the sentiment badge polls until the job has scored it.
        await staff.GotoAsync($"/{merchant.Slug}/admin/feedback");
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Feedback inbox");
        var row = staff.Locator("tr[data-feedback-id]", new() { HasText = "Sunday croissants" });
        await Expect(row).ToBeVisibleAsync();
        await Expect(row.Locator(".sentiment[data-label]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(row.Locator(".sentiment[data-label]")).ToHaveAttributeAsync("data-label", new Regex("^(positive|neutral|negative)$"));
        await AxeAsync(staff);
        await ScreenshotAsync(staff, "42-feedback-inbox-scored");

        // The item page: sentiment and topics, workflow, thread; reply publicly.
        await row.GetByRole(AriaRole.Link, new() { Name = "Review: Sunday croissants" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Review: Sunday croissants");
        await Expect(staff.Locator("#sentiment-box .sentiment[data-label]")).ToContainTextAsync("model base");
        await Expect(staff.Locator("[data-moderation]")).ToHaveTextAsync("published");
        await AxeAsync(staff);
        await ScreenshotAsync(staff, "43-feedback-item");

        await Field(staff, "Status").SelectOptionAsync("InProgress");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(staff.Locator(".toast")).ToContainTextAsync("Saved.");
        await Expect(Field(staff, "Status")).ToHaveValueAsync("InProgress");

        await staff.GetByLabel(new Regex("^Public reply")).FillAsync("Thank you! We are adding a second till for Sunday mornings.");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Post public reply" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync("Public reply posted.");
        await Expect(staff.Locator(".thread-publicreply")).ToContainTextAsync("second till for Sunday mornings");
        await AxeAsync(staff);
        await ScreenshotAsync(staff, "44-feedback-item-replied");

        // The member sees the reply on their page and on the public reviews page.
        await page.ReloadAsync();
        await Expect(page.Locator(".my-feedback .review-reply")).ToContainTextAsync("second till for Sunday mornings");
        await page.GotoAsync($"/{merchant.Slug}/feedback");
        var review = page.Locator("article.review", new() { HasText = "Sunday croissants" });
        await Expect(review.Locator(".review-reply")).ToContainTextAsync($"Reply from {merchant.BusinessName}");
        await Expect(review.Locator(".review-reply")).ToContainTextAsync("second till for Sunday mornings");
        await AxeAsync(page);
        await ScreenshotAsync(page, "45-feedback-public-reviews-mobile");

        // The other back-office pages pass the checks too.
        await staff.GotoAsync($"/{merchant.Slug}/admin/feedback/dashboard");
        await Expect(staff.Locator("[data-kpi=items]")).ToHaveTextAsync("1");
        await Expect(staff.Locator("canvas[data-chart]").First).ToBeVisibleAsync();
        await AxeAsync(staff);
        await ScreenshotAsync(staff, "46-feedback-dashboard");
        await staff.GotoAsync($"/{merchant.Slug}/admin/feedback/new");
        await AxeAsync(staff);
        await staff.GotoAsync($"/{merchant.Slug}/admin/feedback/settings");
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Feedback rules and SLA");
        await AxeAsync(staff);
        await ScreenshotAsync(staff, "47-feedback-settings");

        // Link pages without a valid token explain themselves.
        foreach (var link in new[] { "review", "answer", "csat" })
        {
            await page.GotoAsync($"/{merchant.Slug}/feedback/{link}?t=not-a-token");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("This link does not work");
            await AxeAsync(page);
        }

        await ScreenshotAsync(page, "48-feedback-bad-link-mobile");
        phone.AssertNoConsoleErrors();
        staffBrowser.AssertNoConsoleErrors();
    }
}
