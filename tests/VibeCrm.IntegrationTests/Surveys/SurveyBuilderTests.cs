using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VibeCrm.Data.Surveys;
using VibeCrm.IntegrationTests.Customers;
using VibeCrm.IntegrationTests.Infrastructure;
using VibeCrm.Web.Features.Surveys;

namespace VibeCrm.IntegrationTests.Surveys;

/// <summary>The builder's rules: question validation, order, status changes, frozen questions once answered, new versions.</summary>
public sealed class SurveyBuilderTests(SurveyFactory factory) : IClassFixture<SurveyFactory>
{
    private Task<BuilderResult> AddAsync(TestTenant tenant, int surveyId, QuestionInput input) =>
        factory.InTenantAsync(tenant.Info, sp => sp.GetRequiredService<SurveyBuilder>().AddQuestionAsync(surveyId, input, CancellationToken.None));

    [Fact]
    public async Task Choice_questions_need_two_different_options_and_every_question_needs_text()
    {
        var tenant = await factory.CreateTenantAsync();
        var id = (await factory.InTenantAsync(tenant.Info, sp => sp.GetRequiredService<SurveyBuilder>().CreateAsync("Visit", null, null, CancellationToken.None))).Id!.Value;

        var one = await AddAsync(tenant, id, new QuestionInput { Kind = QuestionKind.SingleChoice, Text = "Pick", Options = "Only\n\n   \n" });
        Assert.Equal("A choice question needs at least 2 options, one per line.", one.Errors["Options"]);
        var duplicate = await AddAsync(tenant, id, new QuestionInput { Kind = QuestionKind.MultipleChoice, Text = "Pick", Options = "Tea\n tea \nCoffee" });
        Assert.Equal("The option “Tea” appears twice; each option must be different.", duplicate.Errors["Options"]);
        var noText = await AddAsync(tenant, id, new QuestionInput { Kind = QuestionKind.Nps, Text = "   " });
        Assert.Equal("Write the question.", noText.Errors["Text"]);
        var tooLong = await AddAsync(tenant, id, new QuestionInput { Kind = QuestionKind.FreeText, Text = new string('x', 301) });
        Assert.Equal("The question can be at most 300 characters.", tooLong.Errors["Text"]);
        var badKind = await AddAsync(tenant, id, new QuestionInput { Kind = (QuestionKind)42, Text = "What?" });
        Assert.Equal("Choose a kind of question.", badKind.Errors["Kind"]);

        var ok = await AddAsync(tenant, id, new QuestionInput { Kind = QuestionKind.SingleChoice, Text = " Pick one ", Options = "Tea\n\n Coffee \n" });
        Assert.True(ok.Succeeded);
        var scale = await AddAsync(tenant, id, new QuestionInput { Kind = QuestionKind.Nps, Text = "Recommend?", Options = "ignored\nlines" });
        Assert.True(scale.Succeeded);

        var stored = await factory.InDbAsync(tenant, db => db.SurveyQuestions.Where(q => q.SurveyId == id).OrderBy(q => q.Position).ToListAsync());
        Assert.Equal(2, stored.Count);
        Assert.Equal("Pick one", stored[0].Text);
        Assert.Equal(["Tea", "Coffee"], stored[0].OptionList());
        Assert.Null(stored[1].Options);
    }

    [Fact]
    public async Task Questions_move_and_are_removed_with_positions_kept_in_order()
    {
        var tenant = await factory.CreateTenantAsync();
        var id = await factory.CreateSurveyAsync(tenant);
        var q = await factory.QuestionIdsAsync(tenant, id);
        await factory.InTenantAsync(tenant.Info, async sp =>
        {
            var builder = sp.GetRequiredService<SurveyBuilder>();
            Assert.True((await builder.MoveQuestionAsync(id, q[2], -1, CancellationToken.None)).Succeeded);
            Assert.True((await builder.MoveQuestionAsync(id, q[0], -1, CancellationToken.None)).Succeeded); // already first: stays
            Assert.True((await builder.RemoveQuestionAsync(id, q[1], CancellationToken.None)).Succeeded);
            return 0;
        });

        var order = await factory.InDbAsync(tenant, db => db.SurveyQuestions.Where(x => x.SurveyId == id).OrderBy(x => x.Position).Select(x => new { x.Id, x.Position }).ToListAsync());
        Assert.Equal([q[0], q[2], q[3], q[4]], order.Select(o => o.Id));
        Assert.Equal([1, 2, 3, 4], order.Select(o => o.Position));
    }

    [Fact]
    public async Task A_survey_with_responses_keeps_its_questions_and_is_duplicated_as_a_new_editable_version()
    {
        var tenant = await factory.CreateTenantAsync();
        var id = await factory.CreateSurveyAsync(tenant);
        var q = await factory.QuestionIdsAsync(tenant, id);
        await factory.AnswerAsOneMoreAsync(tenant, id, nps: 9, csat: 5);

        await factory.InTenantAsync(tenant.Info, async sp =>
        {
            var builder = sp.GetRequiredService<SurveyBuilder>();
            var input = new QuestionInput { Kind = QuestionKind.FreeText, Text = "New" };
            Assert.Equal(SurveyBuilder.LockedMessage, (await builder.AddQuestionAsync(id, input, CancellationToken.None)).Errors[""]);
            Assert.Equal(SurveyBuilder.LockedMessage, (await builder.UpdateQuestionAsync(id, q[0], input, CancellationToken.None)).Errors[""]);
            Assert.Equal(SurveyBuilder.LockedMessage, (await builder.RemoveQuestionAsync(id, q[4], CancellationToken.None)).Errors[""]);
            Assert.Equal(SurveyBuilder.LockedMessage, (await builder.MoveQuestionAsync(id, q[4], -1, CancellationToken.None)).Errors[""]);
            Assert.True((await builder.UpdateDetailsAsync(id, "Visit, renamed", "Intro", "Thanks", CancellationToken.None)).Succeeded);

            var copy = await builder.DuplicateAsync(id, CancellationToken.None);
            Assert.True(copy.Succeeded);
            Assert.True((await builder.RemoveQuestionAsync(copy.Id!.Value, (await sp.GetRequiredService<SurveyQueries>().DraftAsync(copy.Id.Value, CancellationToken.None))!.Questions[0].Id, CancellationToken.None)).Succeeded);
            var again = await builder.DuplicateAsync(copy.Id.Value, CancellationToken.None);

            var draft = await sp.GetRequiredService<SurveyQueries>().DraftAsync(copy.Id.Value, CancellationToken.None);
            Assert.Equal("Visit, renamed (v2)", draft!.Name);
            Assert.Equal(SurveyStatus.Draft, draft.Status);
            Assert.Equal(4, draft.Questions.Count);
            Assert.False(draft.Locked);
            var third = await sp.GetRequiredService<SurveyQueries>().DraftAsync(again.Id!.Value, CancellationToken.None);
            Assert.Equal(3, third!.Version);
            Assert.Equal("Visit, renamed (v3)", third.Name);
            return 0;
        });

        Assert.Equal(5, (await factory.QuestionIdsAsync(tenant, id)).Count);
    }

    [Fact]
    public async Task Opening_needs_a_question_and_a_closed_survey_does_not_reopen()
    {
        var tenant = await factory.CreateTenantAsync();
        await factory.InTenantAsync(tenant.Info, async sp =>
        {
            var builder = sp.GetRequiredService<SurveyBuilder>();
            Assert.Equal("Give the survey a name.", (await builder.CreateAsync("  ", null, null, CancellationToken.None)).Errors["Name"]);
            var id = (await builder.CreateAsync("Empty", null, null, CancellationToken.None)).Id!.Value;
            Assert.Equal("Add at least one question before opening the survey.", (await builder.SetStatusAsync(id, SurveyStatus.Open, CancellationToken.None)).Errors[""]);
            await builder.AddQuestionAsync(id, new QuestionInput { Kind = QuestionKind.Csat, Text = "Happy?" }, CancellationToken.None);
            Assert.True((await builder.SetStatusAsync(id, SurveyStatus.Open, CancellationToken.None)).Succeeded);
            Assert.True((await builder.SetStatusAsync(id, SurveyStatus.Closed, CancellationToken.None)).Succeeded);
            Assert.Equal("A closed survey cannot be opened again; duplicate it as a new version.", (await builder.SetStatusAsync(id, SurveyStatus.Open, CancellationToken.None)).Errors[""]);
            Assert.StartsWith("This survey is closed", (await builder.AddQuestionAsync(id, new QuestionInput { Kind = QuestionKind.Nps, Text = "More?" }, CancellationToken.None)).Errors[""], StringComparison.Ordinal);
            return 0;
        });
    }

    [Fact]
    public async Task The_builder_page_adds_questions_with_htmx_and_keeps_what_was_typed_when_it_is_invalid()
    {
        var tenant = await factory.CreateTenantAsync();
        using var staff = new BrowserClient(factory);
        await staff.SignInStaffAsync(tenant.Slug, tenant.OwnerEmail);
        using var created = await staff.PostFormAsync($"/{tenant.Slug}/admin/surveys", new Dictionary<string, string> { ["Input.Name"] = "Visit" });
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, SurveyTestKit.Text(await created.Content.ReadAsStringAsync()));
        var editUrl = created.Headers.Location!.OriginalString;
        Assert.Matches("/admin/surveys/edit/[0-9]+$", editUrl);

        using var bad = await staff.PostHtmxAsync(editUrl, new Dictionary<string, string>
        {
            ["Question.Kind"] = "SingleChoice",
            ["Question.Text"] = "What did you order?",
            ["Question.Options"] = "Tea\nTea",
        }, editUrl + "?handler=AddQuestion");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.StartsWith("<section id=\"questions\"", badHtml.Trim(), StringComparison.Ordinal);
        Assert.Contains("The option “Tea” appears twice; each option must be different.", System.Net.WebUtility.HtmlDecode(badHtml), StringComparison.Ordinal);
        Assert.Contains("value=\"What did you order?\"", badHtml, StringComparison.Ordinal);

        using var good = await staff.PostHtmxAsync(editUrl, new Dictionary<string, string>
        {
            ["Question.Kind"] = "SingleChoice",
            ["Question.Text"] = "What did you order?",
            ["Question.Options"] = "Tea\nCoffee",
            ["Question.Required"] = "true",
        }, editUrl + "?handler=AddQuestion");
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Contains("toast", string.Join(",", good.Headers.GetValues("HX-Trigger")), StringComparison.Ordinal);
        Assert.Contains("1. What did you order?", System.Net.WebUtility.HtmlDecode(await good.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var preview = SurveyTestKit.Text(await staff.GetPageAsync(editUrl.Replace("/edit/", "/preview/", StringComparison.Ordinal)));
        Assert.Contains("1. What did you order? (required)", preview, StringComparison.Ordinal);
    }
}
