using System.Net;
using Microsoft.EntityFrameworkCore;
using VibeCrm.IntegrationTests.Customers;
using VibeCrm.IntegrationTests.Infrastructure;

namespace VibeCrm.IntegrationTests.Surveys;

/// <summary>The answer page checks every answer, shows what is wrong next to it and keeps what was typed.</summary>
public sealed class SurveyAnswerTests(SurveyFactory factory) : IClassFixture<SurveyFactory>
{
    [Fact]
    public async Task Missing_and_out_of_range_answers_are_explained_and_the_typed_answers_are_kept()
    {
        var tenant = await factory.CreateTenantAsync();
        var survey = await factory.CreateSurveyAsync(tenant);
        var q = await factory.QuestionIdsAsync(tenant, survey);
        var customer = await factory.AddReachableAsync(tenant, "Val", $"val.{tenant.Slug}@example.com");
        await factory.SendAsync(tenant, survey);
        var invitation = await factory.InDbAsync(tenant, db => db.SurveyInvitations.Where(i => i.CustomerId == customer).Select(i => i.Id).SingleAsync());
        var link = await factory.DirectLinkAsync(tenant, invitation);
        using var client = new BrowserClient(factory);

        using var response = await client.PostFormAsync(link, new Dictionary<string, string>
        {
            [$"q{q[0]}"] = "11",
            [$"q{q[2]}"] = "Pizza",
            [$"q{q[4]}"] = "The wait was long but the cake was great",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var text = SurveyTestKit.Text(html);
        Assert.Contains("3 answers need your attention. Your other answers are kept.", text, StringComparison.Ordinal);
        Assert.Contains("Choose a number from 0 to 10.", text, StringComparison.Ordinal);
        Assert.Contains("Please choose an answer.", text, StringComparison.Ordinal); // CSAT is required
        Assert.Contains("Choose one of the options shown.", text, StringComparison.Ordinal);
        Assert.Contains(">The wait was long but the cake was great</textarea>", html, StringComparison.Ordinal);
        Assert.Contains($"aria-describedby=\"q{q[1]}-hint q{q[1]}-error\"", html, StringComparison.Ordinal);
        Assert.Equal(0, await factory.ResponseCountAsync(tenant, survey));

        // Fixed: the chosen values come back checked, then the answers are saved, two choices as two rows.
        using var half = await client.PostFormAsync(link, new Dictionary<string, string> { [$"q{q[0]}"] = "8", [$"q{q[4]}"] = "Nice" });
        Assert.Contains($"id=\"q{q[0]}-8\" name=\"q{q[0]}\" value=\"8\" checked=\"checked\"", await half.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var pageHtml = await client.GetPageAsync(link);
        var token = System.Text.RegularExpressions.Regex.Match(pageHtml, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", WebUtility.HtmlDecode(token)),
            new($"q{q[0]}", "8"), new($"q{q[1]}", "5"), new($"q{q[3]}", "Food"), new($"q{q[3]}", "Service"),
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, link) { Content = new FormUrlEncodedContent(fields) };
        using var saved = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var choices = await factory.InDbAsync(tenant, db => db.SurveyAnswers.Where(a => a.QuestionId == q[3]).Select(a => a.Choice).ToListAsync());
        Assert.Equal(["Food", "Service"], choices.Order());
    }

    [Fact]
    public async Task The_answer_page_uses_fieldsets_and_labels_and_works_without_script()
    {
        var tenant = await factory.CreateTenantAsync();
        var survey = await factory.CreateSurveyAsync(tenant);
        var q = await factory.QuestionIdsAsync(tenant, survey);
        var customer = await factory.AddReachableAsync(tenant, "Ada", $"ada.{tenant.Slug}@example.com");
        await factory.SendAsync(tenant, survey);
        var invitation = await factory.InDbAsync(tenant, db => db.SurveyInvitations.Where(i => i.CustomerId == customer).Select(i => i.Id).SingleAsync());
        using var client = new BrowserClient(factory);
        var html = await client.GetPageAsync(await factory.DirectLinkAsync(tenant, invitation));

        Assert.Equal(4, System.Text.RegularExpressions.Regex.Count(html, "<legend"));
        Assert.Contains($"<label class=\"form-label fw-semibold\" for=\"q{q[4]}\">", html, StringComparison.Ordinal);
        Assert.Contains($"<label class=\"btn btn-outline-primary survey-scale-option\" for=\"q{q[0]}-10\">", html, StringComparison.Ordinal);
        Assert.Contains("<form method=\"post\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("hx-post", html, StringComparison.Ordinal);
    }
}
