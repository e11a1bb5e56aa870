using System.Net;
using Microsoft.Extensions.DependencyInjection;
using VibeCrm.Data.Feedback;
using VibeCrm.IntegrationTests.Infrastructure;
using VibeCrm.Web.Features.Customers.Timeline;
using VibeCrm.Web.Features.Feedback;
using VibeCrm.Web.Features.Interactions;

namespace VibeCrm.IntegrationTests.Feedback;

/// <summary>The no-login links: review invitations, answers to email replies and the CSAT follow-up.</summary>
public sealed class FeedbackLinkTests(FeedbackFactory factory) : IClassFixture<FeedbackFactory>
{
    [Fact]
    public async Task A_review_invitation_link_takes_one_review_without_login_and_refuses_reuse_tampering_and_expiry()
    {
        var tenant = (await factory.CreateTenantAsync()).Info;
        var customerId = await factory.AddCustomerAsync(tenant, "Rita", "rita@example.com");
        var path = await factory.InTenantAsync(tenant, sp => Task.FromResult(sp.GetRequiredService<FeedbackLinks>().ReviewPath(customerId, "R-1001")));
        var url = $"/{tenant.Identifier}{path}";
        using var browser = new BrowserClient(factory);

        var form = await browser.GetPageAsync(url);
        Assert.Contains("Your review of purchase R-1001", form, StringComparison.Ordinal);

        using var empty = await browser.PostFormAsync(SignIn(tenant), new Dictionary<string, string> { ["t"] = Token(url), ["Input.Text"] = "" }, url);
        var emptyHtml = await empty.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Choose from 1 to 5 stars.", emptyHtml, StringComparison.Ordinal);

        using var sent = await browser.PostFormAsync(SignIn(tenant), new Dictionary<string, string> { ["t"] = Token(url), ["Input.Rating"] = "5", ["Input.Text"] = "Lovely pastries, quick service." }, url);
        Assert.Contains("Thank you for your review!", await sent.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var item = await factory.DbAsync(tenant, db => Task.FromResult(db.FeedbackItems.Single()));
        Assert.Equal((FeedbackChannel.PublicLink, customerId, "R-1001", 5), (item.Channel, item.CustomerId!.Value, item.PurchaseReference!, item.Rating!.Value));

        // Answered once: the page says so, and a second post adds nothing.
        Assert.Contains("Already answered", await browser.GetPageAsync(url), StringComparison.Ordinal);
        using var again = await browser.PostFormAsync(SignIn(tenant), new Dictionary<string, string> { ["t"] = Token(url), ["Input.Rating"] = "1", ["Input.Text"] = "Changed my mind" }, url);
        Assert.Contains("Already answered", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await factory.DbAsync(tenant, db => Task.FromResult(db.FeedbackItems.Count())));

        // Tampered or truncated: a clear page, not an error.
        var token = Token(url);
        var tampered = $"/{tenant.Identifier}/feedback/review?t=" + Uri.EscapeDataString(token[..^3] + (token[^3] == 'A' ? "B" : "A") + token[^2..]);
        using var bad = await browser.GetAsync(tampered);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("This link does not work", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("This link does not work", await browser.GetPageAsync($"/{tenant.Identifier}/feedback/review"), StringComparison.Ordinal);

        // Another tenant's link is invalid here.
        var other = (await factory.CreateTenantAsync()).Info;
        Assert.Contains("This link does not work", await browser.GetPageAsync($"/{other.Identifier}{path}"), StringComparison.Ordinal);

        // Expired after 30 days.
        var fresh = await factory.InTenantAsync(tenant, sp => Task.FromResult(sp.GetRequiredService<FeedbackLinks>().ReviewPath(customerId, "R-1002")));
        factory.Clock.Advance(TimeSpan.FromDays(31));
        Assert.Contains("This link has expired", await browser.GetPageAsync($"/{tenant.Identifier}{fresh}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_private_email_reply_carries_a_link_the_customer_answers_once_without_login()
    {
        var tenant = (await factory.CreateTenantAsync()).Info;
        var email = $"noah.{tenant.Identifier}@example.com";
        var customerId = await factory.AddCustomerAsync(tenant, "Noah", email);
        var id = await factory.SubmitAsync(tenant, new FeedbackSubmission { Type = FeedbackType.Complaint, Channel = FeedbackChannel.Phone, CustomerId = customerId, Text = "I was charged twice for my breakfast." });

        using var staff = new BrowserClient(factory);
        await staff.SignInStaffAsync(tenant.Identifier, $"owner@{tenant.Identifier}.test");
        var itemUrl = $"/{tenant.Identifier}/admin/feedback/{id}";
        using var empty = await staff.PostFormAsync(itemUrl, new Dictionary<string, string> { ["body"] = " " }, itemUrl + "?handler=EmailReply");
        Assert.Contains("Write something first.", await staff.GetPageAsync(itemUrl), StringComparison.Ordinal);

        using var reply = await staff.PostFormAsync(itemUrl, new Dictionary<string, string> { ["body"] = "Sorry Noah, we refunded the second charge today." }, itemUrl + "?handler=EmailReply");
        Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);
        var message = await factory.Smtp.WaitForAsync(email, m => (m.Subject ?? "").Contains("about your feedback", StringComparison.Ordinal));
        Assert.Contains("we refunded the second charge today", message.TextBody, StringComparison.Ordinal);
        var link = Links.Find(message, "/feedback/answer");
        var item = await factory.ItemAsync(tenant, id);
        Assert.Equal(FeedbackStatus.WaitingOnCustomer, item.Status);
        Assert.NotNull(item.FirstResponseAt);

        // The reply is threaded on the customer's timeline too.
        var timeline = await factory.InTenantAsync(tenant, sp => sp.GetRequiredService<TimelineService>().GetPageAsync(customerId, null, CancellationToken.None));
        Assert.Contains(timeline.Items, t => t.Kind == FeedbackTimelineSource.ReplyKind && t.Detail!.Contains("refunded", StringComparison.Ordinal));
        Assert.Contains(timeline.Items, t => t.Kind == FeedbackTimelineSource.Kind && t.Link == itemUrl);

        using var customer = new BrowserClient(factory);
        Assert.Contains("we refunded the second charge today", await customer.GetPageAsync(link), StringComparison.Ordinal);
        using var answered = await customer.PostFormAsync(SignIn(tenant), new Dictionary<string, string> { ["t"] = Token(link), ["Body"] = "Thanks, I see the refund." }, link);
        Assert.Contains("Thank you, we have your answer", await answered.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var thread = await factory.ThreadAsync(tenant, id);
        var answer = Assert.Single(thread, m => m.Kind == FeedbackMessageKind.CustomerAnswer);
        Assert.Equal("Thanks, I see the refund.", answer.Body);
        Assert.Equal(thread.Single(m => m.Kind == FeedbackMessageKind.EmailReply).Id, answer.InReplyToId);
        Assert.Equal(FeedbackStatus.InProgress, (await factory.ItemAsync(tenant, id)).Status); // back from waiting on the customer

        using var twice = await customer.PostFormAsync(SignIn(tenant), new Dictionary<string, string> { ["t"] = Token(link), ["Body"] = "Again" }, link);
        Assert.Contains("Already answered", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(await factory.ThreadAsync(tenant, id), m => m.Kind == FeedbackMessageKind.CustomerAnswer);

        // The staff item page shows the whole thread.
        var html = await staff.GetPageAsync(itemUrl);
        Assert.Contains("Customer answered", html, StringComparison.Ordinal);
        Assert.Contains("Thanks, I see the refund.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolving_sends_the_CSAT_question_once_and_the_first_answer_counts()
    {
        var tenant = (await factory.CreateTenantAsync()).Info;
        var email = $"lea.{tenant.Identifier}@example.com";
        var customerId = await factory.AddCustomerAsync(tenant, "Léa", email);
        var id = await factory.SubmitAsync(tenant, new FeedbackSubmission { Type = FeedbackType.Complaint, Channel = FeedbackChannel.Email, CustomerId = customerId, Text = "My order was missing a croissant." });
        var actor = new StaffActor("staff", true);
        var root = "http://localhost/" + tenant.Identifier;

        var resolved = await factory.InTenantAsync(tenant, sp => sp.GetRequiredService<FeedbackReplies>().ResolveAsync(id, sendCsat: true, actor, root, CancellationToken.None));
        Assert.True(resolved.Succeeded, resolved.Error);
        var item = await factory.ItemAsync(tenant, id);
        Assert.Equal(FeedbackStatus.Resolved, item.Status);
        Assert.NotNull(item.ResolvedAt);
        Assert.NotNull(item.CsatSentAt);
        var message = await factory.Smtp.WaitForAsync(email, m => (m.Subject ?? "").StartsWith("How did we do?", StringComparison.Ordinal));
        var link = Links.Find(message, "/feedback/csat");

        // Resolving again does not send a second question.
        await factory.InTenantAsync(tenant, sp => sp.GetRequiredService<FeedbackReplies>().ResolveAsync(id, sendCsat: true, actor, root, CancellationToken.None));
        Assert.Single(factory.Smtp.Messages, m => m.To.ToString().Contains(email, StringComparison.Ordinal) && (m.Subject ?? "").StartsWith("How did we do?", StringComparison.Ordinal));

        using var customer = new BrowserClient(factory);
        Assert.Contains("How satisfied are you", await customer.GetPageAsync(link), StringComparison.Ordinal);
        using var none = await customer.PostFormAsync(SignIn(tenant), new Dictionary<string, string> { ["t"] = Token(link) }, link);
        Assert.Contains("Choose from 1 (very unsatisfied) to 5 (very satisfied).", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var answer = await customer.PostFormAsync(SignIn(tenant), new Dictionary<string, string> { ["t"] = Token(link), ["Rating"] = "4" }, link);
        Assert.Contains("Thank you!", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var second = await customer.PostFormAsync(SignIn(tenant), new Dictionary<string, string> { ["t"] = Token(link), ["Rating"] = "1" }, link);
        Assert.Contains("Already answered", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(4, (await factory.ItemAsync(tenant, id)).CsatRating);

        // Without an email address there is nothing to send: a clear refusal.
        var anonymous = await factory.SubmitAsync(tenant, new FeedbackSubmission { Type = FeedbackType.Suggestion, Channel = FeedbackChannel.WalkIn, Text = "More oat milk" });
        var refused = await factory.InTenantAsync(tenant, sp => sp.GetRequiredService<FeedbackReplies>().ResolveAsync(anonymous, sendCsat: true, actor, root, CancellationToken.None));
        Assert.Equal("There is no email address to send the satisfaction question to; resolve without it.", refused.Error);
    }

    [Fact]
    public async Task Staff_email_a_review_invitation_from_the_customer_s_feedback_page()
    {
        var tenant = (await factory.CreateTenantAsync()).Info;
        var email = $"ines.{tenant.Identifier}@example.com";
        var customerId = await factory.AddCustomerAsync(tenant, "Inès", email);
        using var staff = new BrowserClient(factory);
        await staff.SignInStaffAsync(tenant.Identifier, $"owner@{tenant.Identifier}.test");
        var page = $"/{tenant.Identifier}/admin/feedback/new?customerId={customerId}";
        using var missing = await staff.PostFormAsync(page, new Dictionary<string, string> { ["customerId"] = customerId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["purchaseReference"] = "" }, $"/{tenant.Identifier}/admin/feedback/new?handler=Invite");
        Assert.Contains("Give the receipt number", await staff.GetPageAsync(page), StringComparison.Ordinal);

        using var sent = await staff.PostFormAsync(page, new Dictionary<string, string> { ["customerId"] = customerId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["purchaseReference"] = "T-77" }, $"/{tenant.Identifier}/admin/feedback/new?handler=Invite");
        Assert.Contains("Review invitation sent.", await staff.GetPageAsync(page), StringComparison.Ordinal);
        var message = await factory.Smtp.WaitForAsync(email, m => (m.Subject ?? "").StartsWith("How was your visit", StringComparison.Ordinal));
        using var customer = new BrowserClient(factory);
        Assert.Contains("Your review of purchase T-77", await customer.GetPageAsync(Links.Find(message, "/feedback/review")), StringComparison.Ordinal);
    }

    private static string SignIn(VibeCrm.Tenancy.TenantInfo tenant) => $"/{tenant.Identifier}/account/signin";

    private static string Token(string url) => Uri.UnescapeDataString(url[(url.IndexOf("?t=", StringComparison.Ordinal) + 3)..]);
}
