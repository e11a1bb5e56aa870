using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VibeCrm.Data.Crm;
using VibeCrm.Data.Surveys;
using VibeCrm.Data.Tenants;
using VibeCrm.IntegrationTests.Customers;
using VibeCrm.IntegrationTests.Infrastructure;
using VibeCrm.IntegrationTests.Loyalty;
using VibeCrm.Web.Features.Customers;
using VibeCrm.Web.Features.Surveys;

namespace VibeCrm.IntegrationTests.Surveys;

/// <summary>The app with a clock the tests move (link expiry).</summary>
public sealed class SurveyFactory : VibeCrmFactory
{
    public TestClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>Customers with or without consent, surveys built through the builder, sends run through the real job.</summary>
public static partial class SurveyTestKit
{
    public static async Task<int> AddReachableAsync(this VibeCrmFactory factory, TestTenant tenant, string first, string email, string? tag = null)
    {
        var id = await factory.AddCustomerAsync(tenant, first, "Tester", email);
        await factory.ConsentAsync(tenant, id, granted: true);
        if (tag is not null)
        {
            await factory.InDbAsync(tenant, async db =>
            {
                db.CustomerTags.Add(new CustomerTag { CustomerId = id, Tag = tag });
                return await db.SaveChangesAsync();
            });
        }

        return id;
    }

    public static Task<int> ConsentAsync(this VibeCrmFactory factory, TestTenant tenant, int customerId, bool granted) =>
        factory.InTenantAsync(tenant.Info, async sp =>
        {
            var result = await sp.GetRequiredService<ConsentService>().RecordAsync(customerId, ContactChannel.Email, granted, RecordSource.Staff, null, null, CancellationToken.None);
            Assert.True(result.Succeeded, result.Error);
            return customerId;
        });

    /// <summary>"Visit" survey: NPS (required), CSAT (required), single choice, multiple choice, free text.</summary>
    public static Task<int> CreateSurveyAsync(this VibeCrmFactory factory, TestTenant tenant, string name = "How was your visit?") =>
        factory.InTenantAsync(tenant.Info, async sp =>
        {
            var builder = sp.GetRequiredService<SurveyBuilder>();
            var id = (await builder.CreateAsync(name, "Tell us", "Thanks a lot!", CancellationToken.None)).Id!.Value;
            QuestionInput[] questions =
            [
                new() { Kind = QuestionKind.Nps, Text = "Would you recommend us?", Required = true },
                new() { Kind = QuestionKind.Csat, Text = "How satisfied are you?", Required = true },
                new() { Kind = QuestionKind.SingleChoice, Text = "What did you buy?", Options = "Coffee\nCake\nLunch" },
                new() { Kind = QuestionKind.MultipleChoice, Text = "What did you like?", Options = "Food\nService\nPrice" },
                new() { Kind = QuestionKind.FreeText, Text = "Anything else?" },
            ];
            foreach (var q in questions)
            {
                var added = await builder.AddQuestionAsync(id, q, CancellationToken.None);
                Assert.True(added.Succeeded, string.Join("; ", added.Errors.Values));
            }

            return id;
        });

    public static Task<IReadOnlyList<int>> QuestionIdsAsync(this VibeCrmFactory factory, TestTenant tenant, int surveyId) =>
        factory.InDbAsync<IReadOnlyList<int>>(tenant, async db => await db.SurveyQuestions.Where(q => q.SurveyId == surveyId).OrderBy(q => q.Position).Select(q => q.Id).ToListAsync());

    public static Task<SendResult> SendAsync(this VibeCrmFactory factory, TestTenant tenant, int surveyId, AudienceInput? audience = null) =>
        factory.InTenantAsync(tenant.Info, sp => sp.GetRequiredService<SurveySender>().SendAsync(surveyId, audience ?? new AudienceInput(), "http://localhost", CancellationToken.None));

    /// <summary>Runs the send job as Hangfire would (in the tenant's scope).</summary>
    public static Task<int> RunSendJobAsync(this VibeCrmFactory factory, TestTenant tenant, int surveyId) =>
        factory.InTenantAsync(tenant.Info, async sp =>
        {
            await sp.GetRequiredService<SurveyInvitationJob>().RunAsync(surveyId, "http://localhost", CancellationToken.None);
            return 0;
        });

    /// <summary>The personal survey link (path) of the latest email to <paramref name="email"/>.</summary>
    public static async Task<string> LinkForAsync(this VibeCrmFactory factory, string email)
    {
        var message = await factory.Smtp.WaitForAsync(email, m => m.TextBody?.Contains("/s/", StringComparison.Ordinal) == true);
        return Links.Find(message, "/s/");
    }

    /// <summary>A link for an invitation, made directly (no email), for tests about the answer page itself.</summary>
    public static Task<string> DirectLinkAsync(this VibeCrmFactory factory, TestTenant tenant, int invitationId) =>
        factory.InTenantAsync(tenant.Info, sp => Task.FromResult($"/{tenant.Slug}/s/{Uri.EscapeDataString(sp.GetRequiredService<SurveyLinks>().Token(invitationId))}"));

    public static Task<int> ResponseCountAsync(this VibeCrmFactory factory, TestTenant tenant, int surveyId) =>
        factory.InDbAsync(tenant, db => db.SurveyResponses.CountAsync(r => r.SurveyId == surveyId));

    /// <summary>Fields of a full, valid answer to the "Visit" survey.</summary>
    public static Dictionary<string, string> Answers(IReadOnlyList<int> q, int nps, int csat, string? text = null)
    {
        var fields = new Dictionary<string, string> { [$"q{q[0]}"] = nps.ToString(System.Globalization.CultureInfo.InvariantCulture), [$"q{q[1]}"] = csat.ToString(System.Globalization.CultureInfo.InvariantCulture), [$"q{q[2]}"] = "Cake" };
        if (text is not null)
        {
            fields[$"q{q[4]}"] = text;
        }

        return fields;
    }

    /// <summary>Invites one new reachable customer, answers through the page, returns the customer id.</summary>
    public static async Task<int> AnswerAsOneMoreAsync(this VibeCrmFactory factory, TestTenant tenant, int surveyId, int nps, int csat, string? text = null)
    {
        var email = $"r{Guid.NewGuid():N}@example.com"[..20] + ".test";
        var customerId = await factory.AddReachableAsync(tenant, "Resp", email);
        var sent = await factory.SendAsync(tenant, surveyId, new AudienceInput { Audience = AudienceKind.Picked, Picked = [customerId] });
        Assert.Equal(1, sent.Invited);
        var invitationId = await factory.InDbAsync(tenant, db => db.SurveyInvitations.Where(i => i.SurveyId == surveyId && i.CustomerId == customerId).Select(i => i.Id).SingleAsync());
        var link = await factory.DirectLinkAsync(tenant, invitationId);
        using var client = new BrowserClient(factory);
        using var response = await client.PostFormAsync(link, Answers(await factory.QuestionIdsAsync(tenant, surveyId), nps, csat, text));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return customerId;
    }

    public static string Text(string html) => WhiteSpace().Replace(System.Net.WebUtility.HtmlDecode(TagPattern().Replace(html, " ")), " ");

    [GeneratedRegex("<[^>]+>", RegexOptions.None, 1000)]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"\s+", RegexOptions.None, 1000)]
    private static partial Regex WhiteSpace();
}
