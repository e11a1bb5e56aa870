using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VibeCrm.Data.Surveys;
using VibeCrm.IntegrationTests.Customers;
using VibeCrm.IntegrationTests.Infrastructure;
using VibeCrm.Web.Features.Surveys;

namespace VibeCrm.IntegrationTests.Surveys;

/// <summary>Recipients, consent, and one email per recipient however often the send or its job runs.</summary>
public sealed class SurveySendingTests(SurveyFactory factory) : IClassFixture<SurveyFactory>
{
    private Task<AudienceCount> CountAsync(TestTenant tenant, int surveyId, AudienceInput input) =>
        factory.InTenantAsync(tenant.Info, sp => sp.GetRequiredService<SurveyAudience>().CountAsync(surveyId, input, CancellationToken.None));

    [Fact]
    public async Task Only_customers_with_an_email_and_email_consent_are_counted_by_all_tag_or_pick()
    {
        var tenant = await factory.CreateTenantAsync();
        var survey = await factory.CreateSurveyAsync(tenant);
        var ann = await factory.AddReachableAsync(tenant, "Ann", "ann@example.com", tag: "vip");
        var bob = await factory.AddReachableAsync(tenant, "Bob", "bob@example.com");
        var withdrew = await factory.AddReachableAsync(tenant, "Wendy", "wendy@example.com", tag: "vip");
        await factory.ConsentAsync(tenant, withdrew, granted: false);
        var neverAsked = await factory.AddCustomerAsync(tenant, "Nora", "Tester", "nora@example.com");
        var noEmail = await factory.AddCustomerAsync(tenant, "Ned", "Tester");
        await factory.ConsentAsync(tenant, noEmail, granted: true);
        var merged = await factory.AddReachableAsync(tenant, "Mo", "mo@example.com", tag: "vip");
        await factory.InDbAsync(tenant, db => db.Customers.Where(c => c.Id == merged).ExecuteUpdateAsync(s => s.SetProperty(c => c.MergedIntoId, ann)));

        Assert.Equal(2, (await CountAsync(tenant, survey, new AudienceInput())).Total);
        Assert.Equal(1, (await CountAsync(tenant, survey, new AudienceInput { Audience = AudienceKind.Tag, Tag = " VIP " })).Total);
        Assert.Equal(1, (await CountAsync(tenant, survey, new AudienceInput { Audience = AudienceKind.Picked, Picked = [bob, withdrew, neverAsked, noEmail] })).Total);
        Assert.Equal("Type the tag of the customers to survey.", (await CountAsync(tenant, survey, new AudienceInput { Audience = AudienceKind.Tag })).Error);
        Assert.Equal("Pick at least one customer.", (await CountAsync(tenant, survey, new AudienceInput { Audience = AudienceKind.Picked })).Error);

        var sent = await factory.SendAsync(tenant, survey);
        Assert.Equal(new SendResult(2, 0, null), sent);
        var counted = await CountAsync(tenant, survey, new AudienceInput());
        Assert.Equal((2, 2, 0), (counted.Total, counted.AlreadyInvited, counted.New));
    }

    [Fact]
    public async Task Each_recipient_gets_one_email_with_a_link_even_when_the_send_and_its_job_run_twice()
    {
        var tenant = await factory.CreateTenantAsync();
        var survey = await factory.CreateSurveyAsync(tenant, "Twice?");
        var emails = new[] { $"one.{tenant.Slug}@example.com", $"two.{tenant.Slug}@example.com" };
        foreach (var email in emails)
        {
            await factory.AddReachableAsync(tenant, "Pat", email);
        }

        Assert.Equal(2, (await factory.SendAsync(tenant, survey)).Invited);
        await factory.RunSendJobAsync(tenant, survey);
        Assert.Equal(new SendResult(0, 2, null), await factory.SendAsync(tenant, survey));
        await factory.RunSendJobAsync(tenant, survey); // a retry of the job

        foreach (var email in emails)
        {
            var link = await factory.LinkForAsync(email);
            Assert.StartsWith($"/{tenant.Slug}/s/", link, StringComparison.Ordinal);
            Assert.Single(factory.Smtp.Messages, m => m.To.Mailboxes.Any(b => b.Address == email));
        }

        var message = factory.Smtp.Messages.First(m => m.To.Mailboxes.Any(b => b.Address == emails[0]));
        Assert.Equal($"Shop {tenant.Slug} would like your opinion", message.Subject);
        Assert.Contains("Twice?", message.HtmlBody, StringComparison.Ordinal);
        var rows = await factory.InDbAsync(tenant, db => db.SurveyInvitations.Where(i => i.SurveyId == survey).ToListAsync());
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(InvitationStatus.Sent, r.Status));
    }

    [Fact]
    public async Task A_customer_who_withdraws_consent_after_being_chosen_is_not_emailed()
    {
        var tenant = await factory.CreateTenantAsync();
        var survey = await factory.CreateSurveyAsync(tenant);
        var email = $"late.{tenant.Slug}@example.com";
        var id = await factory.AddReachableAsync(tenant, "Late", email);
        Assert.Equal(1, (await factory.SendAsync(tenant, survey)).Invited);
        await factory.ConsentAsync(tenant, id, granted: false);
        await factory.RunSendJobAsync(tenant, survey);

        var row = await factory.InDbAsync(tenant, db => db.SurveyInvitations.SingleAsync(i => i.SurveyId == survey));
        Assert.Equal(InvitationStatus.Skipped, row.Status);
        Assert.Null(row.SentAt);
        Assert.DoesNotContain(factory.Smtp.Messages, m => m.To.Mailboxes.Any(b => b.Address == email));
    }

    [Fact]
    public async Task The_send_page_shows_the_count_and_sends_to_the_chosen_tag()
    {
        var tenant = await factory.CreateTenantAsync();
        var survey = await factory.CreateSurveyAsync(tenant);
        await factory.AddReachableAsync(tenant, "Tia", $"tia.{tenant.Slug}@example.com", tag: "regulars");
        await factory.AddReachableAsync(tenant, "Uma", $"uma.{tenant.Slug}@example.com");
        using var staff = new BrowserClient(factory);
        await staff.SignInStaffAsync(tenant.Slug, tenant.OwnerEmail);
        var page = $"/{tenant.Slug}/admin/surveys/send/{survey}";

        Assert.Contains("2 customers will receive the survey.", SurveyTestKit.Text(await staff.GetPageAsync(page)), StringComparison.Ordinal);
        var tagged = new Dictionary<string, string> { ["Input.Audience"] = "Tag", ["Input.Tag"] = "regulars" };
        using var count = await staff.PostHtmxAsync(page, tagged, page + "?handler=Count");
        Assert.Contains("1 customer will receive the survey.", SurveyTestKit.Text(await count.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        using var send = await staff.PostFormAsync(page, tagged);
        Assert.Equal(HttpStatusCode.Redirect, send.StatusCode);
        Assert.Contains("Sending the survey to 1 customer.", SurveyTestKit.Text(await staff.GetPageAsync(page)), StringComparison.Ordinal);
        var invited = await factory.InDbAsync(tenant, db => db.SurveyInvitations.Where(i => i.SurveyId == survey).Select(i => i.Email).ToListAsync());
        Assert.Equal([$"tia.{tenant.Slug}@example.com"], invited);
        Assert.Equal(SurveyStatus.Open, await factory.InDbAsync(tenant, db => db.Surveys.Where(s => s.Id == survey).Select(s => s.Status).SingleAsync()));
    }
}
