using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VibeCrm.IntegrationTests.Customers;
using VibeCrm.IntegrationTests.Infrastructure;
using VibeCrm.Web.Features.Customers.Timeline;
using VibeCrm.Web.Features.Surveys;

namespace VibeCrm.IntegrationTests.Surveys;

/// <summary>Results computed from stored answers, the results page, the CSV export, the timeline and the sentiment job.</summary>
public sealed class SurveyResultsTests(SurveyFactory factory) : IClassFixture<SurveyFactory>
{
    [Fact]
    public async Task Nps_csat_response_rate_and_breakdown_come_from_the_answers()
    {
        var tenant = await factory.CreateTenantAsync();
        var survey = await factory.CreateSurveyAsync(tenant);
        (int Nps, int Csat)[] given = [(10, 5), (9, 4), (8, 4), (6, 2), (3, 1)];
        foreach (var (nps, csat) in given)
        {
            await factory.AnswerAsOneMoreAsync(tenant, survey, nps, csat);
        }

        await factory.AddReachableAsync(tenant, "Silent", $"silent.{tenant.Slug}@example.com");
        await factory.SendAsync(tenant, survey);
        await factory.RunSendJobAsync(tenant, survey);

        var report = (await factory.InTenantAsync(tenant.Info, sp => sp.GetRequiredService<SurveyResults>().LoadAsync(survey, "Europe/Paris", CancellationToken.None)))!;
        Assert.Equal(5, report.Responses);
        Assert.Equal(6, report.Invitations);
        Assert.Equal(83.3, report.ResponseRate);
        Assert.Equal(new NpsResult(2, 1, 2), report.Nps);
        Assert.Equal(0, report.Nps.Score);
        Assert.Equal(60, report.Csat.Score); // 3 of 5 answered 4 or 5
        Assert.Equal(3.2, report.Csat.Average);
        var choice = report.Questions[2];
        Assert.Equal([("Coffee", 0), ("Cake", 5), ("Lunch", 0)], choice.Bars.Select(b => (b.Label, b.Count)));
        Assert.Equal(11, report.Questions[0].Bars.Count);
        Assert.Single(report.Trend);

        using var staff = new BrowserClient(factory);
        await staff.SignInStaffAsync(tenant.Slug, tenant.OwnerEmail);
        var html = await staff.GetPageAsync($"/{tenant.Slug}/admin/surveys/results/{survey}");
        var text = SurveyTestKit.Text(html);
        Assert.Contains("Net Promoter Score 0 2 promoters (40 %) · 1 passives · 2 detractors (40 %)", text, StringComparison.Ordinal);
        Assert.Contains("Response rate 83.3 %", text, StringComparison.Ordinal);
        Assert.Contains("data-chart=\"{&quot;type&quot;:&quot;bar&quot;", html, StringComparison.Ordinal);
        Assert.Contains("&quot;data&quot;:[0,0,0,1,0,0,1,0,1,1,1]", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_feedback_dashboard_shows_nps_and_csat_of_all_surveys_together()
    {
        var tenant = await factory.CreateTenantAsync();
        var first = await factory.CreateSurveyAsync(tenant);
        var second = await factory.CreateSurveyAsync(tenant);
        await factory.AnswerAsOneMoreAsync(tenant, first, 10, 5);
        await factory.AnswerAsOneMoreAsync(tenant, first, 9, 4);
        await factory.AnswerAsOneMoreAsync(tenant, second, 2, 1);
        await factory.AnswerAsOneMoreAsync(tenant, second, 8, 2);

        var trend = await factory.InTenantAsync(tenant.Info, sp => sp.GetRequiredService<SurveyResults>().TenantTrendAsync("Europe/Paris", CancellationToken.None));
        var month = Assert.Single(trend);
        Assert.Equal(new NpsResult(2, 1, 1), month.Nps);
        Assert.Equal(25, month.Nps.Score);
        Assert.Equal(50, month.Csat.Score);

        using var staff = new BrowserClient(factory);
        await staff.SignInStaffAsync(tenant.Slug, tenant.OwnerEmail);
        var html = await staff.GetPageAsync($"/{tenant.Slug}/admin/feedback/dashboard");
        Assert.Contains("NPS and CSAT from surveys", html, StringComparison.Ordinal);
        Assert.Contains("NPS 25, CSAT 50", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_export_has_one_row_per_response_and_escapes_formulas()
    {
        var tenant = await factory.CreateTenantAsync();
        var survey = await factory.CreateSurveyAsync(tenant);
        await factory.AnswerAsOneMoreAsync(tenant, survey, 9, 5, text: "=HYPERLINK(\"http://evil\")");
        await factory.AnswerAsOneMoreAsync(tenant, survey, 2, 1, text: "+1 for the coffee, -1 for the noise");
        using var staff = new BrowserClient(factory);
        await staff.SignInStaffAsync(tenant.Slug, tenant.OwnerEmail);

        using var response = await staff.GetAsync($"/{tenant.Slug}/admin/surveys/export/{survey}");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var csv = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("Response,Submitted,Customer id,Customer,Email,Would you recommend us?,How satisfied are you?,What did you buy?,What did you like?,Anything else?,Anything else? (sentiment)", lines[0], StringComparison.Ordinal);
        Assert.Contains(",9,5,Cake,,\"'=HYPERLINK(\"\"http://evil\"\")\",", lines[1], StringComparison.Ordinal);
        Assert.Contains(",2,1,Cake,,\"'+1 for the coffee, -1 for the noise\",", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_response_appears_on_the_customers_timeline()
    {
        var tenant = await factory.CreateTenantAsync();
        var survey = await factory.CreateSurveyAsync(tenant);
        var customer = await factory.AnswerAsOneMoreAsync(tenant, survey, 7, 3, text: "Fine");
        var items = await factory.InTenantAsync(tenant.Info, sp => sp.GetServices<ITimelineSource>().OfType<SurveyTimelineSource>().Single().GetAsync(customer, null, 10, CancellationToken.None));
        var item = Assert.Single(items);
        Assert.Equal("Answered the survey “How was your visit?”", item.Title);
        Assert.Equal("NPS 7/10 · CSAT 3/5 · “Fine”", item.Detail);
        Assert.Equal($"/{tenant.Slug}/admin/surveys/results/{survey}", item.Link);

        using var staff = new BrowserClient(factory);
        await staff.SignInStaffAsync(tenant.Slug, tenant.OwnerEmail);
        Assert.Contains("Answered the survey “How was your visit?”", System.Net.WebUtility.HtmlDecode(await staff.GetPageAsync($"/{tenant.Slug}/admin/customers/details/{customer}")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sentiment_job_scores_free_text_in_its_own_tenant_only()
    {
        var a = await factory.CreateTenantAsync();
        var b = await factory.CreateTenantAsync();
        var surveyA = await factory.CreateSurveyAsync(a);
        var surveyB = await factory.CreateSurveyAsync(b);
        await factory.AnswerAsOneMoreAsync(a, surveyA, 10, 5, text: "Absolutely wonderful, the best coffee I ever had!");
        await factory.AnswerAsOneMoreAsync(b, surveyB, 1, 1, text: "Awful, rude staff and cold food.");
        var responseA = await factory.InDbAsync(a, db => db.SurveyResponses.Select(r => r.Id).SingleAsync());
        Assert.Equal(responseA, await factory.InDbAsync(b, db => db.SurveyResponses.Select(r => r.Id).SingleAsync())); // same id in both databases

        await factory.InTenantAsync(a.Info, async sp =>
        {
            await sp.GetRequiredService<SurveySentimentJob>().RunAsync(responseA, CancellationToken.None);
            return 0;
        });

        var scoredA = await factory.InDbAsync(a, db => db.SurveyAnswers.SingleAsync(x => x.Text != null));
        Assert.Equal("positive", scoredA.SentimentLabel);
        Assert.True(scoredA.SentimentScore > 0);
        Assert.Equal("base", scoredA.SentimentModel);
        Assert.Null((await factory.InDbAsync(b, db => db.SurveyAnswers.SingleAsync(x => x.Text != null))).ScoredAt);

        using var staff = new BrowserClient(factory);
        await staff.SignInStaffAsync(a.Slug, a.OwnerEmail);
        var html = await staff.GetPageAsync($"/{a.Slug}/admin/surveys/results/{surveyA}");
        Assert.Contains("sentiment-positive", html, StringComparison.Ordinal);
        Assert.DoesNotContain("every 3s", html, StringComparison.Ordinal);
        using var staffB = new BrowserClient(factory);
        await staffB.SignInStaffAsync(b.Slug, b.OwnerEmail);
        Assert.Contains("every 3s", await staffB.GetPageAsync($"/{b.Slug}/admin/surveys/results/{surveyB}"), StringComparison.Ordinal); // polls until scored
    }

    [Fact]
    public async Task The_demo_survey_has_a_few_hundred_scored_responses_over_the_year()
    {
        var tenant = await factory.CreateTenantAsync();
        var report = await factory.InTenantAsync(tenant.Info, async sp =>
        {
            await sp.GetRequiredService<VibeCrm.Web.Features.Customers.CustomerSeeder>().SeedAsync(tenant.Info, 500, seed: 7, CancellationToken.None);
            await sp.GetRequiredService<SurveyDemoData>().SeedAsync(seed: 20261201, CancellationToken.None);
            await sp.GetRequiredService<SurveyDemoData>().SeedAsync(seed: 20261201, CancellationToken.None); // a second start adds nothing
            var id = await sp.GetRequiredService<VibeCrm.Data.Tenants.TenantDbContext>().Surveys.Select(s => s.Id).SingleAsync();
            return (await sp.GetRequiredService<SurveyResults>().LoadAsync(id, "Europe/Paris", CancellationToken.None))!;
        });

        Assert.InRange(report.Responses, 200, 420);
        Assert.InRange(report.Trend.Count, 12, 13);
        Assert.NotNull(report.Nps.Score);
        Assert.NotNull(report.Csat.Average);
        var freeText = report.Questions.Single(q => q.Kind == VibeCrm.Data.Surveys.QuestionKind.FreeText);
        Assert.Equal(0, freeText.Sentiment.Single(b => b.Label == "not scored yet").Count);
        Assert.True(freeText.Sentiment.Single(b => b.Label == "negative").Count > 0);
        Assert.Equal(0, await factory.InDbAsync(tenant, db => db.SurveyResponses.CountAsync(r => !db.ConsentRecords.Any(c => c.CustomerId == r.CustomerId && c.Granted))));
    }
}
