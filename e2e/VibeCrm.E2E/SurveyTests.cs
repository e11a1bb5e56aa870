using System.Text.RegularExpressions;
using Microsoft.Playwright;
using VibeCrm.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static VibeCrm.E2E.Infrastructure.Journeys;
using static VibeCrm.E2E.Infrastructure.PageChecks;

namespace VibeCrm.E2E;

[Collection(E2ECollection.Name)]
public sealed class SurveyTests(AppFixture app)
{
    [Fact]
    public async Task Staff_build_and_send_a_survey_a_customer_answers_it_on_a_phone_and_the_results_show_the_nps()
    {
        var merchant = NewMerchant("Survey Café");
        await using var staffBrowser = await app.NewSessionAsync();
        var staff = staffBrowser.Page;
        await SignUpAsync(staff, merchant);

        // A member joins with email consent: the customer the survey goes to.
        var member = NewMember(merchant.Slug);
        await using (var join = await app.NewSessionAsync())
        {
            await JoinAndConfirmAsync(join.Page, app.Mail, merchant.Slug, member, marketing: true);
        }

        // Staff create the survey and its questions in the builder.
        await staff.GetByRole(AriaRole.Link, new() { Name = "Surveys" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Surveys");
        await Field(staff, "Survey name").FillAsync("How was your visit?");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Create survey" }).ClickAsync();
        await Expect(staff).ToHaveURLAsync(new Regex("/admin/surveys/edit/[0-9]+$"));
        await Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync("Survey created. Add its questions.");
        var surveyUrl = staff.Url;

        await AddQuestionAsync(staff, "Nps", "How likely are you to recommend us to a friend?");
        await AddQuestionAsync(staff, "Csat", "How satisfied were you with your visit?");
        await AddQuestionAsync(staff, "SingleChoice", "What did you come in for?", "Coffee\nBreakfast\nLunch", required: false);
        await AddQuestionAsync(staff, "FreeText", "Anything we could do better?", required: false);

        // A choice question with one option is refused, and what was typed stays.
        var add = staff.Locator("#add-question");
        await add.GetByLabel("Kind").SelectOptionAsync("MultipleChoice");
        await add.GetByLabel("Question", new() { Exact = true }).FillAsync("What did you like?");
        await add.GetByLabel("Options", new() { Exact = false }).FillAsync("Only one");
        await add.GetByRole(AriaRole.Button, new() { Name = "Add question" }).ClickAsync();
        await Expect(staff.Locator("#add-question")).ToContainTextAsync("A choice question needs at least 2 options, one per line.");
        await Expect(staff.Locator("#add-question").GetByLabel("Question", new() { Exact = true })).ToHaveValueAsync("What did you like?");

        // Reorder: the choice question goes up one place.
        await staff.Locator(".survey-question").Nth(2).GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Up") }).ClickAsync();
        await Expect(staff.Locator(".survey-question").Nth(1)).ToContainTextAsync("2. What did you come in for?");
        await AxeAsync(staff);
        await ScreenshotAsync(staff, "surveys-01-builder");

        await staff.GetByRole(AriaRole.Link, new() { Name = "Preview" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "How was your visit?", Level = 2 })).ToBeVisibleAsync();

        // Send: the count first, then one email.
        await staff.GetByRole(AriaRole.Link, new() { Name = "Send", Exact = true }).ClickAsync();
        await Expect(staff.Locator("#audience-count")).ToContainTextAsync("1 customer will receive the survey.");
        staff.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Send the survey" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Status).First).ToContainTextAsync("Sending the survey to 1 customer.");

        var email = await app.Mail.WaitForMessageAsync(member.Email, "/s/");
        Assert.Equal($"{merchant.BusinessName} would like your opinion", email.Subject);
        var link = SmtpSink.LinkIn(email, "/s/");
        Assert.StartsWith($"/{merchant.Slug}/s/", link.AbsolutePath, StringComparison.Ordinal);

        // The customer answers on a phone, without signing in.
        await using var phoneBrowser = await app.NewSessionAsync(new ViewportSize { Width = 390, Height = 844 }, mobile: true);
        var phone = phoneBrowser.Page;
        await phone.GotoAsync(link.ToString());
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("How was your visit?");
        await AxeAsync(phone);

        // Sending without the required CSAT: the error is shown and the NPS answer stays chosen.
        var nps = phone.GetByRole(AriaRole.Group, new() { Name = "How likely are you to recommend us" });
        await ChooseAsync(nps, "10");
        await phone.GetByLabel("4. Anything we could do better? (optional)").FillAsync("Lovely staff, the flat white was perfect!");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Send my answers" }).ClickAsync();
        await Expect(phone.GetByRole(AriaRole.Alert)).ToContainTextAsync("One answer needs your attention.");
        await Expect(phone.GetByRole(AriaRole.Group, new() { Name = "How satisfied were you" })).ToContainTextAsync("Please choose an answer.");
        await Expect(nps.GetByRole(AriaRole.Radio, new() { Name = "10", Exact = true })).ToBeCheckedAsync();
        await Expect(phone.GetByLabel("4. Anything we could do better? (optional)")).ToHaveValueAsync("Lovely staff, the flat white was perfect!");
        await AxeAsync(phone);
        await ScreenshotAsync(phone, "surveys-02-answer-errors-mobile");

        await ChooseAsync(phone.GetByRole(AriaRole.Group, new() { Name = "How satisfied were you" }), "5 Very satisfied");
        await ChooseAsync(phone.GetByRole(AriaRole.Group, new() { Name = "What did you come in for?" }), "Breakfast");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Send my answers" }).ClickAsync();
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Thank you!");
        await ScreenshotAsync(phone, "surveys-03-thanks-mobile");

        // The link works once.
        await phone.GotoAsync(link.ToString());
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("You already answered this survey");

        // The results show the NPS, the CSAT and the free text, scored by the sentiment job.
        await staff.GotoAsync(surveyUrl.Replace("/edit/", "/results/", StringComparison.Ordinal));
        await Expect(staff.Locator("#kpi-responses")).ToHaveTextAsync("1");
        await Expect(staff.Locator("#kpi-rate")).ToHaveTextAsync("100 %");
        await Expect(staff.Locator("#kpi-nps")).ToHaveTextAsync("+100");
        await Expect(staff.Locator("#kpi-csat")).ToHaveTextAsync("100 %");
        await Expect(staff.GetByRole(AriaRole.Cell, new() { Name = "Lovely staff, the flat white was perfect!" })).ToBeVisibleAsync();
        await Expect(staff.Locator(".badge.sentiment-positive")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await staff.EmulateMediaAsync(new() { ReducedMotion = ReducedMotion.Reduce }); // charts drawn at once for the screenshot
        await staff.ReloadAsync();
        await Expect(staff.Locator("canvas[data-chart]").First).ToBeVisibleAsync();
        await AxeAsync(staff);
        await ScreenshotAsync(staff, "surveys-04-results");

        staffBrowser.AssertNoConsoleErrors();
        phoneBrowser.AssertNoConsoleErrors();
    }

    private static async Task AddQuestionAsync(IPage page, string kind, string text, string? options = null, bool required = true)
    {
        var add = page.Locator("#add-question");
        await add.GetByLabel("Kind").SelectOptionAsync(kind);
        await add.GetByLabel("Question", new() { Exact = true }).FillAsync(text);
        if (options is not null)
        {
            await add.GetByLabel("Options", new() { Exact = false }).FillAsync(options);
        }

        await add.GetByLabel("An answer is required").SetCheckedAsync(required);
        await add.GetByRole(AriaRole.Button, new() { Name = "Add question" }).ClickAsync();
        await Expect(page.Locator("#questions")).ToContainTextAsync(text);
        await Expect(page.Locator("#add-question").GetByLabel("Question", new() { Exact = true })).ToHaveValueAsync("");
    }

    /// <summary>Chooses a radio button by clicking its label, as a person does (the scale buttons hide the native input).</summary>
    private static async Task ChooseAsync(ILocator group, string name)
    {
        var radio = group.GetByRole(AriaRole.Radio, new() { Name = name, Exact = true });
        var id = await radio.GetAttributeAsync("id");
        await group.Locator($"label[for='{id}']").ClickAsync();
        await Expect(radio).ToBeCheckedAsync();
    }
}
