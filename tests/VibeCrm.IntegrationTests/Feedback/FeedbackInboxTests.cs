using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VibeCrm.Data.Feedback;
using VibeCrm.Data.Tenants;
using VibeCrm.IntegrationTests.Infrastructure;
using VibeCrm.Tenancy;
using VibeCrm.Web.Features.Feedback;
using VibeCrm.Web.Features.Interactions;
using VibeCrm.Web.Features.Sentiment;

namespace VibeCrm.IntegrationTests.Feedback;

/// <summary>The inbox filters, the dashboard figures, the label corrections and the htmx workflow on the item page.</summary>
public sealed class FeedbackInboxTests(FeedbackFactory factory) : IClassFixture<FeedbackFactory>
{
    [Fact]
    public async Task Inbox_filters_select_exactly_the_matching_items()
    {
        var tenant = (await factory.CreateTenantAsync()).Info;
        var agents = await factory.AddAgentsAsync(tenant, 2);
        var now = factory.Clock.Now;
        var ids = await factory.DbAsync(tenant, async db =>
        {
            FeedbackItem Item(FeedbackType type, string? label, FeedbackStatus status, FeedbackPriority priority, string? assignee, string? topics, int? rating, DateTimeOffset at) =>
                new() { Type = type, Channel = FeedbackChannel.Portal, Text = $"{type} {label}", SentimentLabel = label, ScoredAt = label is null ? null : at, Status = status, Priority = priority, AssigneeUserId = assignee, Topics = topics, Rating = rating, CreatedAt = at, UpdatedAt = at, FirstResponseDueAt = at.AddHours(1), ResolutionDueAt = at.AddDays(1), Moderation = type == FeedbackType.Review ? ModerationState.Published : null };
            var items = new[]
            {
                Item(FeedbackType.Review, "positive", FeedbackStatus.New, FeedbackPriority.Low, null, ",food,", 5, now.AddDays(-1)),
                Item(FeedbackType.Review, "negative", FeedbackStatus.InProgress, FeedbackPriority.High, agents[0], ",service,wait time,", 1, now.AddDays(-10)),
                Item(FeedbackType.Complaint, "negative", FeedbackStatus.Resolved, FeedbackPriority.Urgent, agents[1], ",price,", null, now.AddDays(-40)),
                Item(FeedbackType.Suggestion, null, FeedbackStatus.Assigned, FeedbackPriority.Low, agents[0], null, null, now.AddHours(-2)),
                Item(FeedbackType.Message, "neutral", FeedbackStatus.Closed, FeedbackPriority.Normal, null, ",food,service,", null, now.AddDays(-3)),
            };
            db.FeedbackItems.AddRange(items);
            await db.SaveChangesAsync();
            return items.Select(i => i.Id).ToArray();
        });

        async Task<int[]> List(FeedbackFilter filter, string user = "nobody") =>
            [.. (await factory.InTenantAsync(tenant, sp => sp.GetRequiredService<FeedbackQueries>().ListAsync(filter, user, tenant.TimeZoneId, CancellationToken.None))).Rows.Select(r => r.Id)];

        Assert.Equal([ids[3], ids[0], ids[4], ids[1], ids[2]], await List(new FeedbackFilter())); // newest first
        Assert.Equal([ids[0], ids[1]], await List(new FeedbackFilter(Type: FeedbackType.Review)));
        Assert.Equal([ids[1], ids[2]], await List(new FeedbackFilter(Sentiment: "negative")));
        Assert.Equal([ids[3]], await List(new FeedbackFilter(Sentiment: "unscored")));
        Assert.Equal([ids[1]], await List(new FeedbackFilter(Status: FeedbackStatus.InProgress)));
        Assert.Equal([ids[3], ids[0], ids[1]], await List(new FeedbackFilter(OpenOnly: true)));
        Assert.Equal([ids[2]], await List(new FeedbackFilter(Priority: FeedbackPriority.Urgent)));
        Assert.Equal([ids[3], ids[1]], await List(new FeedbackFilter(Assignee: agents[0])));
        Assert.Equal([ids[3], ids[1]], await List(new FeedbackFilter(Assignee: "me"), agents[0]));
        Assert.Equal([ids[0], ids[4]], await List(new FeedbackFilter(Assignee: "none")));
        Assert.Equal([ids[0], ids[4]], await List(new FeedbackFilter(Topic: "food")));
        Assert.Equal([ids[1]], await List(new FeedbackFilter(Topic: "wait time")));
        Assert.Equal([ids[1]], await List(new FeedbackFilter(Rating: 1)));
        var today = TenantTime.Today(factory.Clock, tenant.TimeZoneId);
        Assert.Equal([ids[4], ids[1]], await List(new FeedbackFilter(From: today.AddDays(-12), To: today.AddDays(-2))));
        Assert.Equal([ids[1]], await List(new FeedbackFilter(Type: FeedbackType.Review, Sentiment: "negative", Topic: "service")));

        // Paging: 25 a page.
        await factory.DbAsync(tenant, async db =>
        {
            db.FeedbackItems.AddRange(Enumerable.Range(0, 30).Select(n => new FeedbackItem { Type = FeedbackType.Message, Channel = FeedbackChannel.Pos, Text = "bulk", CreatedAt = now.AddDays(-100), UpdatedAt = now, FirstResponseDueAt = now, ResolutionDueAt = now }));
            return await db.SaveChangesAsync();
        });
        var page2 = await factory.InTenantAsync(tenant, sp => sp.GetRequiredService<FeedbackQueries>().ListAsync(new FeedbackFilter(Page: 2), "x", tenant.TimeZoneId, CancellationToken.None));
        Assert.Equal((35, 2, 2, 10), (page2.Total, page2.Page, page2.Pages, page2.Rows.Count));

        // The page applies the same filters from the query string.
        using var staff = new BrowserClient(factory);
        await staff.SignInStaffAsync(tenant.Identifier, $"owner@{tenant.Identifier}.test");
        var html = await staff.GetPageAsync($"/{tenant.Identifier}/admin/feedback?type=Complaint");
        Assert.Contains($"id=\"feedback-{ids[2]}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"id=\"feedback-{ids[0]}\"", html, StringComparison.Ordinal);
        Assert.Contains("<strong>1</strong> item", html, StringComparison.Ordinal);

        // The topic filter offers the tenant's own topics after the built-in ones.
        var added = await factory.InTenantAsync(tenant, sp => sp.GetRequiredService<SentimentTopicService>().AddAsync("Terrace", "terrace, outside seating", CancellationToken.None));
        Assert.True(added.Succeeded, added.Error);
        var withTopic = await staff.GetPageAsync($"/{tenant.Identifier}/admin/feedback");
        Assert.Contains("<option value=\"Terrace\"", withTopic, StringComparison.OrdinalIgnoreCase);
        Assert.True(withTopic.IndexOf("value=\"wait time\"", StringComparison.Ordinal) < withTopic.IndexOf("value=\"Terrace\"", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Dashboard_figures_match_the_data()
    {
        var tenant = (await factory.CreateTenantAsync()).Info;
        var at = factory.Clock.Now.AddMinutes(-1);
        await factory.DbAsync(tenant, async db =>
        {
            FeedbackItem Item(FeedbackType type, int? rating, string? label, float? score) =>
                new() { Type = type, Channel = FeedbackChannel.Portal, Text = "x", Rating = rating, SentimentLabel = label, SentimentScore = score, ScoredAt = label is null ? null : at, CreatedAt = at, UpdatedAt = at, FirstResponseDueAt = at, ResolutionDueAt = at };
            var a = Item(FeedbackType.Review, 5, "positive", 0.8f);
            a.FirstResponseMinutes = 60;
            a.ResolutionMinutes = 240;
            a.ResolvedAt = at;
            a.Topics = ",food,";
            var b = Item(FeedbackType.Review, 2, "negative", -0.6f);
            b.FirstResponseMinutes = 120;
            b.CorrectedLabel = "neutral";
            var c = Item(FeedbackType.Complaint, null, "negative", -0.9f);
            c.FirstResponseMinutes = 30;
            c.ResolutionMinutes = 90;
            c.ResolvedAt = at;
            c.CsatRating = 4;
            c.Topics = ",food,wait time,";
            var d = Item(FeedbackType.Suggestion, null, null, null);
            var old = Item(FeedbackType.Review, 1, "negative", -1f);
            old.CreatedAt = at.AddDays(-400);
            db.FeedbackItems.AddRange(a, b, c, d, old);
            return await db.SaveChangesAsync();
        });

        var data = await factory.InTenantAsync(tenant, sp => sp.GetRequiredService<FeedbackDashboard>().BuildAsync(12, tenant.TimeZoneId, CancellationToken.None));
        var t = data.Totals;
        Assert.Equal((4, 2, 3.5, 2, 0.5), (t.Items, t.Reviews, t.AverageRating, t.Resolved, t.ResolutionRate));
        Assert.Equal(70.0 / 60, t.FirstResponseHours!.Value, 6);
        Assert.Equal(2.75, t.ResolutionHours!.Value, 6);
        Assert.Equal((4.0, 1, 1), (t.Csat, t.CsatAnswers, t.CsatSatisfied));
        Assert.Equal((1, 1, 1, 1), (t.Positive, t.Neutral, t.Negative, t.Unscored));
        var month = data.Months[^1];
        Assert.Equal(12, data.Months.Count);
        Assert.Equal((2, 1, 1, 0), (month.ByType[FeedbackType.Review], month.ByType[FeedbackType.Complaint], month.ByType[FeedbackType.Suggestion], month.ByType[FeedbackType.Message]));
        Assert.Equal((0.8 - 0.6 - 0.9) / 3, month.AverageScore!.Value, 5);
        Assert.Equal(0, data.Months.Take(11).Sum(m => m.Total)); // the 400-day-old item is outside the window
        Assert.Equal([("food", 2), ("wait time", 1)], data.Topics);

        using var staff = new BrowserClient(factory);
        await staff.SignInStaffAsync(tenant.Identifier, $"owner@{tenant.Identifier}.test");
        var html = await staff.GetPageAsync($"/{tenant.Identifier}/admin/feedback/dashboard");
        Assert.Contains("data-kpi=\"items\">4<", html, StringComparison.Ordinal);
        Assert.Contains("data-kpi=\"rating\">3.50<", html, StringComparison.Ordinal);
        Assert.Contains("data-kpi=\"resolution-rate\">50%<", html, StringComparison.Ordinal);
        Assert.Contains("data-kpi=\"csat\">4.00<", html, StringComparison.Ordinal);
        Assert.Contains("data-chart=", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_change_status_priority_and_assignee_over_htmx_and_correct_the_label_for_retraining()
    {
        var tenant = (await factory.CreateTenantAsync()).Info;
        var agents = await factory.AddAgentsAsync(tenant, 1);
        await factory.SettingsAsync(tenant, s => s.AutoAssign = false);
        var id = await factory.SubmitAsync(tenant, new FeedbackSubmission { Type = FeedbackType.Review, Channel = FeedbackChannel.Portal, Rating = 2, Title = "Slow", Text = "Not bad at all, just slow." });
        await factory.ScoreAsync(tenant, id);
        using var staff = new BrowserClient(factory);
        await staff.SignInStaffAsync(tenant.Identifier, $"owner@{tenant.Identifier}.test");
        var itemUrl = $"/{tenant.Identifier}/admin/feedback/{id}";

        using var changed = await staff.HtmxPostAsync(itemUrl, itemUrl + "?handler=Workflow", new Dictionary<string, string> { ["status"] = "InProgress", ["priority"] = "Urgent", ["assigneeUserId"] = agents[0] });
        var partial = await changed.Content.ReadAsStringAsync();
        Assert.Contains("id=\"workflow\"", partial, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", partial, StringComparison.Ordinal);
        Assert.Contains("toast", string.Join(",", changed.Headers.GetValues("HX-Trigger")), StringComparison.Ordinal);
        var item = await factory.ItemAsync(tenant, id);
        Assert.Equal((FeedbackStatus.InProgress, FeedbackPriority.Urgent, agents[0], true), (item.Status, item.Priority, item.AssigneeUserId!, item.PriorityManual));
        Assert.Contains(await factory.ThreadAsync(tenant, id), m => m.Kind == FeedbackMessageKind.Event && m.Body.Contains("Assigned to Agent 0", StringComparison.Ordinal) && m.Body.Contains("→ Urgent", StringComparison.Ordinal));

        using var badAssignee = await staff.HtmxPostAsync(itemUrl, itemUrl + "?handler=Workflow", new Dictionary<string, string> { ["status"] = "InProgress", ["priority"] = "Urgent", ["assigneeUserId"] = "nobody" });
        Assert.Contains("The assignee must be an active staff member.", await badAssignee.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var corrected = await staff.HtmxPostAsync(itemUrl, itemUrl + "?handler=Correct", new Dictionary<string, string> { ["label"] = "neutral" });
        Assert.Contains("data-label=\"neutral\"", await corrected.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var corrections = await factory.InTenantAsync(tenant, sp => sp.GetRequiredService<TenantDbContext>().SentimentCorrections.AsNoTracking().ToListAsync());
        var correction = Assert.Single(corrections);
        Assert.Equal(("Slow. Not bad at all, just slow.", "neutral", "feedback", id.ToString(CultureInfo.InvariantCulture)), (correction.Text, correction.Label, correction.SourceKind, correction.SourceId));

        using var badLabel = await staff.HtmxPostAsync(itemUrl, itemUrl + "?handler=Correct", new Dictionary<string, string> { ["label"] = "furious" });
        Assert.Contains("Choose positive, neutral or negative.", string.Join(",", badLabel.Headers.GetValues("HX-Trigger")), StringComparison.Ordinal);

        // Polling: the sentiment partial of a scored item carries no trigger; an unscored one polls every 2 s.
        var scoredBadge = await staff.GetPageAsync($"/{tenant.Identifier}/admin/feedback?handler=sentiment&id={id}&compact=true");
        Assert.DoesNotContain("hx-trigger", scoredBadge, StringComparison.Ordinal);
        var unscored = await factory.SubmitAsync(tenant, new FeedbackSubmission { Type = FeedbackType.Message, Channel = FeedbackChannel.Email, Text = "Are you open on Monday?" });
        var pending = await staff.GetPageAsync($"/{tenant.Identifier}/admin/feedback?handler=sentiment&id={unscored}&compact=true");
        Assert.Contains("hx-trigger=\"every 2s\"", pending, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_record_phone_feedback_for_a_customer_and_it_shows_on_the_customer_timeline()
    {
        var tenant = (await factory.CreateTenantAsync()).Info;
        var customerId = await factory.AddCustomerAsync(tenant, "Hugo", "hugo@example.com");
        using var staff = new BrowserClient(factory);
        await staff.SignInStaffAsync(tenant.Identifier, $"owner@{tenant.Identifier}.test");
        var url = $"/{tenant.Identifier}/admin/feedback/new?customerId={customerId}";
        Assert.Contains("Hugo Tester", await staff.GetPageAsync(url), StringComparison.Ordinal);
        using var posted = await staff.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Input.CustomerId"] = customerId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Type"] = "Complaint",
            ["Input.Channel"] = "Phone",
            ["Input.Text"] = "Called about a wrong order on delivery.",
        });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, posted.StatusCode);
        var item = await factory.DbAsync(tenant, db => db.FeedbackItems.SingleAsync());
        Assert.Equal((customerId, FeedbackChannel.Phone), (item.CustomerId!.Value, item.Channel));
        Assert.NotNull(item.EnteredByUserId);

        using var pos = await staff.PostFormAsync(url, new Dictionary<string, string> { ["Input.Type"] = "Complaint", ["Input.Channel"] = "Pos", ["Input.Text"] = "x" });
        Assert.Contains("Choose phone, walk-in or email.", await pos.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var page = await staff.GetPageAsync($"/{tenant.Identifier}/admin/customers/details/{customerId}");
        Assert.Contains("Complaint via phone", page, StringComparison.Ordinal);
        Assert.Contains($"/{tenant.Identifier}/admin/feedback/{item.Id}", page, StringComparison.Ordinal);
    }
}
