using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VibeCrm.Data.Crm;
using VibeCrm.IntegrationTests.Infrastructure;
using VibeCrm.Web.Features.Customers.Timeline;
using VibeCrm.Web.Features.Interactions;

namespace VibeCrm.IntegrationTests.Customers;

public sealed class CustomerPageTests(VibeCrmFactory factory) : IClassFixture<VibeCrmFactory>
{
    private static string Details(TestTenant t, int id) => $"/{t.Slug}/admin/customers/details/{id}";

    [Fact]
    public async Task The_timeline_merges_all_sources_newest_first_and_pages_without_gaps()
    {
        var tenant = await factory.CreateTenantAsync();
        var id = await factory.AddCustomerAsync(tenant, "Tina", "Timeline", "tina@example.com");
        var start = DateTimeOffset.UtcNow.AddDays(-30);
        await factory.InDbAsync(tenant, async db =>
        {
            for (var i = 0; i < 25; i++)
            {
                db.Interactions.Add(new Interaction { CustomerId = id, Type = InteractionType.Call, Subject = $"Call {i:00}", OccurredAt = start.AddHours(i), CreatedAt = start, UpdatedAt = start });
            }

            db.ConsentRecords.Add(new ConsentRecord { CustomerId = id, Channel = ContactChannel.Email, Granted = true, Source = RecordSource.Pos, RecordedAt = start.AddMinutes(90) });
            var stage = new PipelineStage { Name = "Proposal", Kind = StageKind.Open, DefaultProbability = 40 };
            var won = new PipelineStage { Name = "Won", Kind = StageKind.Won, DefaultProbability = 100 };
            db.PipelineStages.AddRange(stage, won);
            await db.SaveChangesAsync();
            var opp = new Opportunity { CustomerId = id, Title = "Catering", Amount = 500, Currency = "EUR", StageId = stage.Id, CreatedAt = start.AddMinutes(30), UpdatedAt = start };
            db.Opportunities.Add(opp);
            await db.SaveChangesAsync();
            db.OpportunityStageChanges.Add(new OpportunityStageChange { OpportunityId = opp.Id, FromStageId = stage.Id, ToStageId = won.Id, ChangedAt = start.AddHours(30) });
            return await db.SaveChangesAsync();
        });

        var pages = await factory.InTenantAsync(tenant.Info, async sp =>
        {
            var timeline = sp.GetRequiredService<TimelineService>();
            var result = new List<TimelinePage>();
            DateTimeOffset? before = null;
            do
            {
                var page = await timeline.GetPageAsync(id, before, CancellationToken.None);
                result.Add(page);
                before = page.NextBefore;
            }
            while (before is not null && result.Count < 10);
            return result;
        });

        var all = pages.SelectMany(p => p.Items).ToList();
        Assert.Equal(2, pages.Count);
        Assert.Equal(TimelineService.PageSize, pages[0].Items.Count);
        Assert.Equal(all.OrderByDescending(i => i.At).Select(i => i.At), all.Select(i => i.At));
        Assert.Equal(25, all.Count(i => i.Kind == InteractionTimelineSource.Kind));
        Assert.Single(all, i => i.Kind == "consent");
        Assert.Single(all, i => i.Kind == "opportunity");
        Assert.Single(all, i => i.Kind == "stage" && i.Title.Contains("won", StringComparison.Ordinal));
        Assert.Contains(all, i => i.Kind == "audit" && i.Title == "Profile created");
        Assert.Equal(all.Count, all.Select(i => i.DomId).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("Opportunity won: Catering", all.First(i => i.Kind != "audit").Title); // the profile was created just now

        using var browser = new BrowserClient(factory);
        await browser.SignInStaffAsync(tenant.Slug, tenant.OwnerEmail);
        var html = await browser.GetPageAsync(Details(tenant, id));
        Assert.Contains("Tina Timeline", html, StringComparison.Ordinal);
        Assert.Contains("Call 24", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Call 00", html, StringComparison.Ordinal);
        Assert.Contains("Load more", html, StringComparison.Ordinal);
        var more = await browser.GetPageAsync($"{Details(tenant, id)}?handler=Timeline&before={pages[0].NextBefore!.Value.UtcTicks}");
        Assert.DoesNotContain("<html", more, StringComparison.Ordinal);
        Assert.Contains("Call 00", more, StringComparison.Ordinal);
        Assert.DoesNotContain("Call 24", more, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_ids_are_404_and_merged_ids_redirect_to_the_survivor()
    {
        var tenant = await factory.CreateTenantAsync();
        var keep = await factory.AddCustomerAsync(tenant, "Sam", "Survivor");
        var gone = await factory.AddCustomerAsync(tenant, "Sam", "Duplicate", configure: c => c.MergedIntoId = keep);
        using var browser = new BrowserClient(factory);
        await browser.SignInStaffAsync(tenant.Slug, tenant.OwnerEmail);
        using (var missing = await browser.GetAsync(Details(tenant, 999_999)))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        using var merged = await browser.GetAsync(Details(tenant, gone));
        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        Assert.EndsWith($"/customers/details/{keep}", merged.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Call")]
    [InlineData("Email")]
    [InlineData("Meeting")]
    [InlineData("Ticket")]
    [InlineData("Sms")]
    [InlineData("Note")]
    public async Task Each_interaction_type_is_logged_with_htmx_and_returns_the_form_and_the_new_item(string type)
    {
        var tenant = await factory.CreateTenantAsync();
        var id = await factory.AddCustomerAsync(tenant, "Hana", "Htmx");
        using var browser = new BrowserClient(factory);
        await browser.SignInStaffAsync(tenant.Slug, tenant.OwnerEmail);
        var fields = new Dictionary<string, string>
        {
            ["Input.Type"] = type,
            ["Input.Direction"] = "Inbound",
            ["Input.DurationMinutes"] = "12",
            ["Input.Subject"] = $"About the {type} order",
            ["Input.Body"] = "Wants oat milk",
        };
        using var response = await browser.PostHtmxAsync(Details(tenant, id), fields, Details(tenant, id) + "?handler=Log");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<html", body, StringComparison.Ordinal);
        Assert.Contains("id=\"interaction-form\"", body, StringComparison.Ordinal);
        Assert.Contains("hx-swap-oob=\"afterbegin:#timeline-items\"", body, StringComparison.Ordinal);
        Assert.Contains($"About the {type} order", body, StringComparison.Ordinal);

        var saved = await factory.InDbAsync(tenant, db => db.Interactions.AsNoTracking().SingleAsync(i => i.CustomerId == id));
        Assert.Equal(Enum.Parse<InteractionType>(type), saved.Type);
        Assert.Equal(12, saved.DurationMinutes);
        Assert.Equal(type == "Note" ? InteractionDirection.None : InteractionDirection.Inbound, saved.Direction);
        Assert.Equal(await factory.UserIdAsync(tenant, tenant.OwnerEmail), saved.StaffUserId);
        Assert.True((DateTimeOffset.UtcNow - saved.OccurredAt).Duration() < TimeSpan.FromMinutes(2), "defaults to now");
        Assert.Equal(type == "Ticket" ? TicketStatus.Open : null, saved.TicketStatus);
        Assert.Equal(type == "Ticket" ? Priority.Normal : null, saved.TicketPriority);
        var customer = await factory.InDbAsync(tenant, db => db.Customers.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(saved.OccurredAt, customer.LastActivityAt);
    }

    [Fact]
    public async Task Logging_without_javascript_redirects_and_the_local_time_is_read_in_the_tenant_zone()
    {
        var tenant = await factory.CreateTenantAsync();
        var id = await factory.AddCustomerAsync(tenant, "Paul", "Prg");
        using var browser = new BrowserClient(factory);
        await browser.SignInStaffAsync(tenant.Slug, tenant.OwnerEmail);
        using var response = await browser.PostFormAsync(Details(tenant, id), new Dictionary<string, string>
        {
            ["Input.Type"] = "Meeting",
            ["Input.Direction"] = "Outbound",
            ["Input.OccurredAt"] = "2025-07-01T10:00",
            ["Input.Subject"] = "Tasting session",
            ["Input.Outcome"] = "Ordered for the wedding",
        }, Details(tenant, id) + "?handler=Log");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await browser.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Interaction logged.", page, StringComparison.Ordinal);
        Assert.Contains("Tasting session", page, StringComparison.Ordinal);
        var saved = await factory.InDbAsync(tenant, db => db.Interactions.AsNoTracking().SingleAsync(i => i.CustomerId == id));
        Assert.Equal(new DateTimeOffset(2025, 7, 1, 8, 0, 0, TimeSpan.Zero), saved.OccurredAt); // Paris is UTC+2 in July
    }

    [Theory]
    [InlineData("Call", "", "5", null, null, "Enter a subject.")]
    [InlineData("Call", "Too long", "1441", null, null, "between 0 and 1440")]
    [InlineData("Call", "Negative", "-1", null, null, "between 0 and 1440")]
    [InlineData("Call", "Past", "5", "yesterday", null, "cannot be in the past")]
    [InlineData("Call", "Ticket fields", "5", null, "Open", "only for tickets")]
    [InlineData("Ticket", "Bad assignee", "5", null, "assignee", "active staff member")]
    public async Task Invalid_interactions_are_refused_with_a_message(string type, string subject, string duration, string? followUp, string? ticket, string message)
    {
        var tenant = await factory.CreateTenantAsync();
        var id = await factory.AddCustomerAsync(tenant, "Vera", "Valid");
        using var browser = new BrowserClient(factory);
        await browser.SignInStaffAsync(tenant.Slug, tenant.OwnerEmail);
        var fields = new Dictionary<string, string>
        {
            ["Input.Type"] = type,
            ["Input.Direction"] = "Outbound",
            ["Input.Subject"] = subject,
            ["Input.DurationMinutes"] = duration,
        };
        if (followUp == "yesterday")
        {
            fields["Input.FollowUpOn"] = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-2)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }

        if (ticket == "Open")
        {
            fields["Input.TicketStatus"] = "Open";
        }
        else if (ticket == "assignee")
        {
            fields["Input.AssigneeUserId"] = "no-such-user";
        }

        using var htmx = await browser.PostHtmxAsync(Details(tenant, id), fields, Details(tenant, id) + "?handler=Log");
        Assert.Equal(HttpStatusCode.OK, htmx.StatusCode);
        var body = await htmx.Content.ReadAsStringAsync();
        Assert.Contains(message, body, StringComparison.Ordinal);
        Assert.DoesNotContain("hx-swap-oob", body, StringComparison.Ordinal);

        using var plain = await browser.PostFormAsync(Details(tenant, id), fields, Details(tenant, id) + "?handler=Log");
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Contains(message, await plain.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await factory.InDbAsync(tenant, db => db.Interactions.CountAsync(i => i.CustomerId == id)));
    }

    [Fact]
    public async Task Tickets_change_status_priority_and_assignee_from_the_timeline_and_show_in_the_assignees_follow_ups()
    {
        var tenant = await factory.CreateTenantAsync();
        var id = await factory.AddCustomerAsync(tenant, "Theo", "Ticket");
        var agentEmail = $"agent@{tenant.Slug}.test";
        var agentId = await factory.AddStaffAsync(tenant, agentEmail, "Agent");
        using var owner = new BrowserClient(factory);
        await owner.SignInStaffAsync(tenant.Slug, tenant.OwnerEmail);
        using (var created = await owner.PostFormAsync(Details(tenant, id), new Dictionary<string, string>
               {
                   ["Input.Type"] = "Ticket", ["Input.Direction"] = "Inbound", ["Input.Subject"] = "Broken coffee machine",
                   ["Input.TicketStatus"] = "Open", ["Input.TicketPriority"] = "High",
               }, Details(tenant, id) + "?handler=Log"))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        var ticketId = await factory.InDbAsync(tenant, db => db.Interactions.Where(i => i.CustomerId == id).Select(i => i.Id).SingleAsync());
        using (var update = await owner.PostHtmxAsync(Details(tenant, id), new Dictionary<string, string>
               {
                   ["interactionId"] = ticketId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["status"] = "Pending", ["priority"] = "Urgent", ["assigneeUserId"] = agentId,
               }, Details(tenant, id) + "?handler=Ticket"))
        {
            Assert.Equal(HttpStatusCode.OK, update.StatusCode);
            var body = await update.Content.ReadAsStringAsync();
            Assert.Contains($"id=\"interaction-{ticketId}\"", body, StringComparison.Ordinal);
            Assert.Contains("<option selected=\"selected\" value=\"Pending\">", body, StringComparison.Ordinal);
        }

        var ticket = await factory.InDbAsync(tenant, db => db.Interactions.AsNoTracking().SingleAsync(i => i.Id == ticketId));
        Assert.Equal((TicketStatus.Pending, Priority.Urgent, agentId), (ticket.TicketStatus!.Value, ticket.TicketPriority!.Value, ticket.AssigneeUserId));

        using (var bad = await owner.PostFormAsync(Details(tenant, id), new Dictionary<string, string>
               {
                   ["interactionId"] = ticketId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["status"] = "Closed", ["priority"] = "Low", ["assigneeUserId"] = "ghost",
               }, Details(tenant, id) + "?handler=Ticket"))
        {
            Assert.Equal(HttpStatusCode.Redirect, bad.StatusCode);
            Assert.Contains("active staff member", await owner.GetPageAsync(bad.Headers.Location!.OriginalString), StringComparison.Ordinal);
        }

        using var agent = new BrowserClient(factory);
        await agent.SignInStaffAsync(tenant.Slug, agentEmail);
        var followUps = await agent.GetPageAsync($"/{tenant.Slug}/admin/followups");
        Assert.Contains("Broken coffee machine", followUps, StringComparison.Ordinal);
        Assert.Contains($"/customers/details/{id}", followUps, StringComparison.Ordinal);
        Assert.Contains("My follow-ups", await agent.GetPageAsync($"/{tenant.Slug}/admin"), StringComparison.Ordinal);

        // Agents edit only their own interactions; the manager-level owner may edit all.
        using (var forbidden = await agent.PostFormAsync(Details(tenant, id), new Dictionary<string, string> { ["interactionId"] = ticketId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, Details(tenant, id) + "?handler=DeleteInteraction"))
        {
            Assert.Equal(HttpStatusCode.Redirect, forbidden.StatusCode);
        }

        Assert.Equal(1, await factory.InDbAsync(tenant, db => db.Interactions.CountAsync(i => i.Id == ticketId)));

        using (var done = await agent.PostHtmxAsync($"/{tenant.Slug}/admin/followups", new Dictionary<string, string> { ["interactionId"] = ticketId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, $"/{tenant.Slug}/admin/followups?handler=Done"))
        {
            Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        }

        Assert.Equal(TicketStatus.Resolved, await factory.InDbAsync(tenant, db => db.Interactions.Where(i => i.Id == ticketId).Select(i => i.TicketStatus).SingleAsync()));
        Assert.DoesNotContain("Broken coffee machine", await agent.GetPageAsync($"/{tenant.Slug}/admin/followups"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Owners_edit_and_delete_interactions()
    {
        var tenant = await factory.CreateTenantAsync();
        var id = await factory.AddCustomerAsync(tenant, "Eddie", "Edit");
        using var owner = new BrowserClient(factory);
        await owner.SignInStaffAsync(tenant.Slug, tenant.OwnerEmail);
        using (await owner.PostFormAsync(Details(tenant, id), new Dictionary<string, string> { ["Input.Type"] = "Call", ["Input.Direction"] = "Outbound", ["Input.Subject"] = "First call" }, Details(tenant, id) + "?handler=Log"))
        {
        }

        var interactionId = await factory.InDbAsync(tenant, db => db.Interactions.Where(i => i.CustomerId == id).Select(i => i.Id).SingleAsync());
        var editForm = await owner.GetPageAsync($"{Details(tenant, id)}?handler=EditForm&interactionId={interactionId}");
        Assert.Contains("Edit interaction", editForm, StringComparison.Ordinal);
        Assert.Contains("First call", editForm, StringComparison.Ordinal);
        using (var edit = await owner.PostHtmxAsync(Details(tenant, id), new Dictionary<string, string>
               {
                   ["Input.Id"] = interactionId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Type"] = "Call", ["Input.Direction"] = "Outbound", ["Input.Subject"] = "First call, renamed",
               }, Details(tenant, id) + "?handler=Log"))
        {
            var body = await edit.Content.ReadAsStringAsync();
            Assert.Contains($"id=\"interaction-{interactionId}\" class=\"timeline-item timeline-interaction\" hx-swap-oob=\"true\"", body, StringComparison.Ordinal);
        }

        Assert.Equal("First call, renamed", await factory.InDbAsync(tenant, db => db.Interactions.Where(i => i.Id == interactionId).Select(i => i.Subject).SingleAsync()));
        Assert.Equal(1, await factory.InDbAsync(tenant, db => db.Interactions.CountAsync(i => i.CustomerId == id)));
        using (var delete = await owner.PostHtmxAsync(Details(tenant, id), new Dictionary<string, string> { ["interactionId"] = interactionId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, Details(tenant, id) + "?handler=DeleteInteraction"))
        {
            Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        }

        Assert.Equal(0, await factory.InDbAsync(tenant, db => db.Interactions.CountAsync(i => i.CustomerId == id)));
        Assert.Equal(1, await factory.InDbAsync(tenant, db => db.AuditEntries.CountAsync(a => a.EntityType == "Interaction" && a.EntityId == interactionId && a.Action == "Deleted")));
    }

    [Fact]
    public async Task Follow_ups_due_today_and_overdue_are_computed_in_the_tenant_time_zone()
    {
        var tenant = await factory.CreateTenantAsync(); // Europe/Paris
        var id = await factory.AddCustomerAsync(tenant, "Fiona", "Followup");
        var ownerId = await factory.UserIdAsync(tenant, tenant.OwnerEmail);
        var now = DateTimeOffset.UtcNow;
        await factory.InDbAsync(tenant, db =>
        {
            void Add(string subject, DateOnly on, bool done = false) => db.Interactions.Add(new Interaction
            {
                CustomerId = id, Type = InteractionType.Call, Subject = subject, StaffUserId = ownerId, FollowUpOn = on, OccurredAt = now, CreatedAt = now, UpdatedAt = now,
                FollowUpDoneAt = done ? now : null,
            });
            Add("Due on the 11th", new DateOnly(2026, 3, 11));
            Add("Overdue from the 10th", new DateOnly(2026, 3, 10));
            Add("Due on the 12th", new DateOnly(2026, 3, 12));
            Add("Done already", new DateOnly(2026, 3, 9), done: true);
            return db.SaveChangesAsync();
        });

        // 23:30 UTC on 10 March is already 00:30 on 11 March in Paris.
        var clock = new FixedClock(new DateTimeOffset(2026, 3, 10, 23, 30, 0, TimeSpan.Zero));
        var mine = await factory.InTenantAsync(tenant.Info, sp => new FollowUpQueries(sp.GetRequiredService<VibeCrm.Data.Tenants.TenantDbContext>(), clock).ForStaffAsync(ownerId, tenant.Info.TimeZoneId, CancellationToken.None));
        Assert.Equal(new DateOnly(2026, 3, 11), mine.Today);
        Assert.Equal(["Overdue from the 10th", "Due on the 11th"], mine.FollowUps.Select(f => f.Subject));
        Assert.Equal([true, false], mine.FollowUps.Select(f => f.IsOverdue));
        var utcCount = await factory.InTenantAsync(tenant.Info, sp => new FollowUpQueries(sp.GetRequiredService<VibeCrm.Data.Tenants.TenantDbContext>(), clock).CountAsync(ownerId, "UTC", CancellationToken.None));
        Assert.Equal(1, utcCount); // in UTC it is still the 10th

        // The page and the dashboard use the real clock: everything above is in the past by now.
        using var owner = new BrowserClient(factory);
        await owner.SignInStaffAsync(tenant.Slug, tenant.OwnerEmail);
        var page = await owner.GetPageAsync($"/{tenant.Slug}/admin/followups");
        Assert.Contains("Due on the 12th", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Done already", page, StringComparison.Ordinal);
        Assert.Contains("Overdue since", page, StringComparison.Ordinal);
        var dashboard = await owner.GetPageAsync($"/{tenant.Slug}/admin");
        Assert.Contains("<p class=\"kpi-value\">3</p>", dashboard, StringComparison.Ordinal);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
