using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VibeCrm.Data.Crm;
using VibeCrm.IntegrationTests.Infrastructure;
using VibeCrm.IntegrationTests.Opportunities;
using VibeCrm.Web.Features.Leads;
using VibeCrm.Web.Features.Opportunities;

namespace VibeCrm.IntegrationTests.Leads;

public sealed class LeadTests(VibeCrmFactory factory) : IClassFixture<VibeCrmFactory>
{
    private async Task<(TestTenant Tenant, BrowserClient Owner)> SetUpAsync()
    {
        var tenant = await factory.CreateTenantAsync();
        var owner = new BrowserClient(factory);
        await owner.SignInStaffAsync(tenant.Slug, tenant.OwnerEmail);
        return (tenant, owner);
    }

    private Task<LeadSaveResult> SaveAsync(TestTenant tenant, LeadForm form, int? id = null) =>
        factory.InTenantAsync(tenant.Info, sp => sp.GetRequiredService<LeadService>().SaveAsync(id, form, "FR", CancellationToken.None));

    [Fact]
    public async Task Logging_an_interaction_on_the_lead_page_recomputes_the_score_and_deleting_it_too()
    {
        var (tenant, owner) = await SetUpAsync();
        var id = (await SaveAsync(tenant, new LeadForm { FirstName = "Noor", Email = "noor@example.com", Source = LeadSource.Website })).Id!.Value;
        int Score() => factory.InDbAsync(tenant.Info, db => db.Leads.Where(l => l.Id == id).Select(l => l.Score).SingleAsync()).GetAwaiter().GetResult();
        Assert.Equal(10, Score()); // email only, with the default rules
        var page = $"/{tenant.Slug}/admin/leads/edit/{id}";
        var post = $"{page}?handler=Interaction";

        // The lead's own page shows its audit trail.
        var opened = await owner.GetPageAsync(page);
        Assert.Contains("Change history", opened, StringComparison.Ordinal);
        Assert.Contains("<td>Created</td>", opened, StringComparison.Ordinal);

        // Invalid: no subject, a ticket, a follow-up. Shown on the page, nothing logged, score unchanged.
        var invalid = await owner.PostFormAsync(page, new Dictionary<string, string>
        {
            ["Interaction.Type"] = nameof(InteractionType.Ticket),
            ["Interaction.FollowUpOn"] = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }, post).BodyAsync(HttpStatusCode.OK);
        Assert.Contains("Enter a subject.", invalid, StringComparison.Ordinal);
        Assert.Contains("Support tickets are for customers.", invalid, StringComparison.Ordinal);
        Assert.Contains("Follow-ups are for customers", invalid, StringComparison.Ordinal);
        Assert.Equal(0, await factory.InDbAsync(tenant.Info, db => db.Interactions.CountAsync()));
        Assert.Equal(10, Score());

        // A call today: +5 per interaction and +10 for a contact in the last 14 days.
        using (var logged = await owner.PostFormAsync(page, new Dictionary<string, string>
        {
            ["Interaction.Type"] = nameof(InteractionType.Call),
            ["Interaction.Direction"] = nameof(InteractionDirection.Outbound),
            ["Interaction.Subject"] = "Intro call",
            ["Interaction.Outcome"] = "Wants a tasting",
        }, post))
        {
            Assert.Equal(HttpStatusCode.Redirect, logged.StatusCode);
        }

        Assert.Equal(25, Score());
        var interaction = await factory.InDbAsync(tenant.Info, db => db.Interactions.SingleAsync());
        Assert.Equal((id, (int?)null, "Intro call"), (interaction.LeadId!.Value, interaction.CustomerId, interaction.Subject));
        Assert.NotNull(await factory.InDbAsync(tenant.Info, db => db.Leads.Where(l => l.Id == id).Select(l => l.LastContactedAt).SingleAsync()));
        var shown = await owner.GetPageAsync(page);
        Assert.Contains("Intro call", shown, StringComparison.Ordinal);
        Assert.Contains("Wants a tasting", shown, StringComparison.Ordinal);

        // Deleting it takes the per-interaction points away again (the last contact stays: it did happen).
        using (var deleted = await owner.PostFormAsync(page, new Dictionary<string, string>(), $"{page}?handler=DeleteInteraction&interactionId={interaction.Id}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        }

        Assert.Equal(0, await factory.InDbAsync(tenant.Info, db => db.Interactions.CountAsync()));
        Assert.Equal(20, Score());

        // Once converted, interactions are logged on the customer, not on the lead.
        await factory.InTenantAsync(tenant.Info, async sp =>
        {
            var owners = await sp.GetRequiredService<VibeCrm.Data.Tenants.TenantDbContext>().Users.Select(u => u.Id).FirstAsync();
            var converted = await sp.GetRequiredService<LeadService>().ConvertAsync(id, null, CancellationToken.None);
            Assert.True(converted.Result.Succeeded, converted.Result.Error);
            var refused = await sp.GetRequiredService<VibeCrm.Web.Features.Interactions.InteractionService>().LogForLeadAsync(
                id, new VibeCrm.Web.Features.Interactions.InteractionInput { Subject = "Late call" }, new(owners, true), "Europe/Paris", CancellationToken.None);
            Assert.Contains("log the interaction on the customer", refused.Errors["Subject"], StringComparison.Ordinal);
            return 0;
        });
    }

    [Fact]
    public async Task A_lead_needs_a_name_and_an_email_or_phone_which_are_normalized()
    {
        var (tenant, owner) = await SetUpAsync();
        var page = $"/{tenant.Slug}/admin/leads/edit";
        var invalid = await owner.PostFormAsync(page, new Dictionary<string, string> { ["Input.Company"] = "Acme" }).BodyAsync(HttpStatusCode.OK);
        Assert.Contains("A lead needs a name.", invalid, StringComparison.Ordinal);
        Assert.Contains("A lead needs an email or a phone number.", invalid, StringComparison.Ordinal);
        var malformed = await owner.PostFormAsync(page, new Dictionary<string, string> { ["Input.FirstName"] = "Ana", ["Input.Email"] = "ana@", ["Input.Phone"] = "12" })
            .BodyAsync(HttpStatusCode.OK);
        Assert.Contains("is not a valid email address", malformed, StringComparison.Ordinal);
        Assert.Contains("is not a valid phone number", malformed, StringComparison.Ordinal);
        var converted = await SaveAsync(tenant, new LeadForm { FirstName = "Ana", Email = "ana@example.com", Status = LeadStatus.Converted });
        Assert.Contains("Converted only by converting", converted.Errors["Status"], StringComparison.Ordinal);
        Assert.Equal(0, await factory.InDbAsync(tenant.Info, db => db.Leads.CountAsync()));

        using var created = await owner.PostFormAsync(page, new Dictionary<string, string>
        {
            ["Input.FirstName"] = " Ana ",
            ["Input.LastName"] = "Lima",
            ["Input.Email"] = " Ana.Lima@Example.COM ",
            ["Input.Phone"] = "06 12 34 56 78",
            ["Input.Source"] = nameof(LeadSource.Website),
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var lead = await factory.InDbAsync(tenant.Info, db => db.Leads.SingleAsync());
        Assert.Equal("Ana", lead.FirstName);
        Assert.Equal("Ana.Lima@Example.COM", lead.Email);
        Assert.Equal("ana.lima@example.com", lead.NormalizedEmail);
        Assert.Equal("+33612345678", lead.Phone);
        Assert.Equal(LeadSource.Website, lead.Source);
        Assert.Equal(20, lead.Score); // email 10 + phone 10 with the default rules

        // Only a phone is enough too.
        Assert.True((await SaveAsync(tenant, new LeadForm { LastName = "Solo", Phone = "+44 20 7946 0958" })).Succeeded);
    }

    [Fact]
    public async Task Duplicates_of_leads_and_customers_are_flagged_until_confirmed()
    {
        var (tenant, owner) = await SetUpAsync();
        var customer = await factory.AddCustomerAsync(tenant.Info, "Zoe", "Martin", "zoe@example.com", "+33612345678");
        var page = $"/{tenant.Slug}/admin/leads/edit";
        var fields = new Dictionary<string, string> { ["Input.FirstName"] = "Zoé", ["Input.Email"] = "ZOE@example.com" };
        var warning = await owner.PostFormAsync(page, fields).BodyAsync(HttpStatusCode.OK);
        Assert.Contains("Possible duplicate", warning, StringComparison.Ordinal);
        Assert.Contains($"/admin/customers/details/{customer}", warning, StringComparison.Ordinal);
        Assert.Equal(0, await factory.InDbAsync(tenant.Info, db => db.Leads.CountAsync()));

        fields["Input.AllowDuplicate"] = "true";
        using (var saved = await owner.PostFormAsync(page, fields))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        // A second lead with the same phone (typed differently) matches both the customer and the first lead.
        var second = await SaveAsync(tenant, new LeadForm { FirstName = "Other", Phone = "06 12 34 56 78" });
        Assert.False(second.Succeeded);
        Assert.Contains(second.Duplicates, d => d.IsCustomer && d.Id == customer);
        var byEmail = await SaveAsync(tenant, new LeadForm { FirstName = "Again", Email = "zoe@EXAMPLE.com" });
        Assert.Contains(byEmail.Duplicates, d => !d.IsCustomer);

        // Editing a lead does not flag itself.
        var leadId = await factory.InDbAsync(tenant.Info, db => db.Leads.Select(l => l.Id).SingleAsync());
        var unrelated = await SaveAsync(tenant, new LeadForm { FirstName = "Zoé", Email = "zoe.new@example.com" }, leadId);
        Assert.True(unrelated.Succeeded);
        Assert.Empty(unrelated.Duplicates);
    }

    [Fact]
    public async Task Saving_a_lead_logging_interactions_and_changing_status_recompute_the_score()
    {
        var (tenant, _) = await SetUpAsync();
        var saved = await SaveAsync(tenant, new LeadForm { FirstName = "Rita", Email = "rita@example.com", Phone = "+33687654321", Company = "Rita SARL", Source = LeadSource.Referral });
        var id = saved.Id!.Value;
        int Score() => factory.InDbAsync(tenant.Info, db => db.Leads.Where(l => l.Id == id).Select(l => l.Score).SingleAsync()).GetAwaiter().GetResult();
        Assert.Equal(10 + 10 + 5 + 15, Score());

        // An interaction logged elsewhere (the interactions module) then RecomputeAsync.
        var score = await factory.InTenantAsync(tenant.Info, async sp =>
        {
            var db = sp.GetRequiredService<VibeCrm.Data.Tenants.TenantDbContext>();
            for (var i = 0; i < 7; i++)
            {
                db.Interactions.Add(new Interaction { LeadId = id, Type = InteractionType.Call, Subject = $"Call {i}", OccurredAt = DateTimeOffset.UtcNow.AddDays(-2 - i), CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow });
            }

            await db.SaveChangesAsync();
            return await sp.GetRequiredService<LeadScoringService>().RecomputeAsync(id, CancellationToken.None);
        });
        Assert.Equal(40 + 25 + 10, score); // 7 × 5 capped at 25, contacted 2 days ago
        Assert.Equal(75, Score());
        Assert.NotNull(await factory.InDbAsync(tenant.Info, db => db.Leads.Where(l => l.Id == id).Select(l => l.LastContactedAt).SingleAsync()));

        // A status rule and a status change.
        await factory.InTenantAsync(tenant.Info, async sp =>
        {
            var scoring = sp.GetRequiredService<LeadScoringService>();
            Assert.True((await scoring.SaveRuleAsync(0, LeadScorer.Status, "qualified", 20, null, true, CancellationToken.None)).Succeeded);
            Assert.False((await scoring.SaveRuleAsync(0, LeadScorer.Source, "Pigeon", 20, null, true, CancellationToken.None)).Succeeded);
            var leads = sp.GetRequiredService<LeadService>();
            Assert.False((await leads.SetStatusAsync(id, LeadStatus.Converted, CancellationToken.None)).Succeeded);
            return await leads.SetStatusAsync(id, LeadStatus.Qualified, CancellationToken.None);
        });
        Assert.Equal(95, Score());

        // Rules changed by hand: the rescore job puts every lead right.
        await factory.InDbAsync(tenant.Info, db => db.LeadScoreRules.Where(r => r.Kind == LeadScorer.Status).ExecuteUpdateAsync(s => s.SetProperty(r => r.Points, 50)));
        await factory.InTenantAsync(tenant.Info, async sp =>
        {
            await ActivatorUtilities.CreateInstance<LeadRescoreJob>(sp).RunAsync(CancellationToken.None);
            return 0;
        });
        Assert.Equal(125, Score());
    }

    [Fact]
    public async Task Scoring_settings_edit_rules_and_enqueue_a_rescore()
    {
        var (tenant, owner) = await SetUpAsync();
        var page = $"/{tenant.Slug}/admin/settings/leadscoring";
        var html = await owner.GetPageAsync(page);
        Assert.Contains("Each logged interaction", html, StringComparison.Ordinal);
        Assert.Equal(6, await factory.InDbAsync(tenant.Info, db => db.LeadScoreRules.CountAsync()));
        using (var add = await owner.PostFormAsync(page, new Dictionary<string, string> { ["id"] = "0", ["kind"] = "recent-contact", ["argument"] = "abc", ["points"] = "5" }, page + "?handler=Save"))
        {
            Assert.Equal(HttpStatusCode.Redirect, add.StatusCode);
        }

        Assert.Contains("within how many days", await owner.GetPageAsync(page), StringComparison.Ordinal);
        using (var add = await owner.PostFormAsync(page, new Dictionary<string, string> { ["id"] = "0", ["kind"] = "status", ["argument"] = "Qualified", ["points"] = "20", ["isActive"] = "true" }, page + "?handler=Save"))
        {
            Assert.Equal(HttpStatusCode.Redirect, add.StatusCode);
        }

        Assert.Contains("Scores are being recomputed", await owner.GetPageAsync(page), StringComparison.Ordinal);
        Assert.Equal(7, await factory.InDbAsync(tenant.Info, db => db.LeadScoreRules.CountAsync()));
        using (var recompute = await owner.PostFormAsync(page, new Dictionary<string, string>(), page + "?handler=Recompute"))
        {
            Assert.Equal(HttpStatusCode.Redirect, recompute.StatusCode);
        }
    }

    [Fact]
    public async Task Conversion_moves_interactions_and_opportunities_and_happens_once()
    {
        var (tenant, owner) = await SetUpAsync();
        var id = (await SaveAsync(tenant, new LeadForm { FirstName = "Marc", LastName = "Petit", Email = "marc@example.com", Company = "Petit Bistro" })).Id!.Value;
        var opportunityId = await factory.InTenantAsync(tenant.Info, async sp =>
        {
            var db = sp.GetRequiredService<VibeCrm.Data.Tenants.TenantDbContext>();
            db.Interactions.Add(new Interaction { LeadId = id, Type = InteractionType.Meeting, Subject = "Tasting", OccurredAt = DateTimeOffset.UtcNow, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
            var stage = (await sp.GetRequiredService<PipelineStages>().ListAsync(false, CancellationToken.None))[0];
            var result = await sp.GetRequiredService<OpportunityService>().CreateAsync(
                new OpportunityForm { Title = "Weekly pastries", Party = $"lead:{id}", Amount = 300, StageId = stage.Id }, "EUR", null, CancellationToken.None);
            return result.Id!.Value;
        });

        var page = $"/{tenant.Slug}/admin/leads/convert/{id}";
        Assert.Contains("Create a new customer", await owner.GetPageAsync(page), StringComparison.Ordinal);
        using var converted = await owner.PostFormAsync(page, new Dictionary<string, string> { ["target"] = "new" });
        Assert.Equal(HttpStatusCode.Redirect, converted.StatusCode);
        var lead = await factory.InDbAsync(tenant.Info, db => db.Leads.SingleAsync());
        Assert.Equal(LeadStatus.Converted, lead.Status);
        Assert.NotNull(lead.ConvertedAt);
        var customerId = lead.ConvertedCustomerId!.Value;
        Assert.Equal($"/{tenant.Slug}/admin/customers/details/{customerId}", converted.Headers.Location?.OriginalString);
        var customer = await factory.InDbAsync(tenant.Info, db => db.Customers.SingleAsync());
        Assert.Equal(("Marc", "Petit", "marc@example.com", "marc petit"), (customer.FirstName, customer.LastName, customer.NormalizedEmail, customer.SearchName));
        var interaction = await factory.InDbAsync(tenant.Info, db => db.Interactions.SingleAsync());
        Assert.Equal((customerId, id), (interaction.CustomerId!.Value, interaction.LeadId!.Value));
        var opportunity = await factory.InDbAsync(tenant.Info, db => db.Opportunities.SingleAsync(o => o.Id == opportunityId));
        Assert.Equal((customerId, id), (opportunity.CustomerId!.Value, opportunity.LeadId!.Value));
        Assert.True(await factory.InDbAsync(tenant.Info, db => db.AuditEntries.AnyAsync(a => a.EntityType == "Lead" && a.EntityId == id && a.Action == "Converted")));

        // Twice: refused, nothing new.
        var again = await factory.InTenantAsync(tenant.Info, sp => sp.GetRequiredService<LeadService>().ConvertAsync(id, null, CancellationToken.None));
        Assert.False(again.Result.Succeeded);
        Assert.Contains("already converted", await owner.GetPageAsync(page), StringComparison.Ordinal);
        Assert.Equal(1, await factory.InDbAsync(tenant.Info, db => db.Customers.CountAsync()));
        // Converted leads keep their status.
        Assert.False((await factory.InTenantAsync(tenant.Info, sp => sp.GetRequiredService<LeadService>().SetStatusAsync(id, LeadStatus.New, CancellationToken.None))).Succeeded);
    }

    [Fact]
    public async Task Conversion_can_link_to_the_customer_with_the_same_email_after_asking()
    {
        var (tenant, owner) = await SetUpAsync();
        var existing = await factory.AddCustomerAsync(tenant.Info, "Lea", "Roux", "lea@example.com");
        var other = await factory.AddCustomerAsync(tenant.Info, "Someone", "Else", "else@example.com");
        var id = (await SaveAsync(tenant, new LeadForm { FirstName = "Léa", Email = "LEA@example.com", AllowDuplicate = true })).Id!.Value;
        var page = $"/{tenant.Slug}/admin/leads/convert/{id}";
        Assert.Contains("Link to the existing customer", await owner.GetPageAsync(page), StringComparison.Ordinal);

        var unanswered = await owner.PostFormAsync(page, new Dictionary<string, string>()).BodyAsync(HttpStatusCode.OK);
        Assert.Contains("Choose whether to link", unanswered, StringComparison.Ordinal);
        var wrong = await owner.PostFormAsync(page, new Dictionary<string, string> { ["target"] = $"{other}" }).BodyAsync(HttpStatusCode.OK);
        Assert.Contains("same email or phone", wrong, StringComparison.Ordinal);

        using var linked = await owner.PostFormAsync(page, new Dictionary<string, string> { ["target"] = $"{existing}" });
        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
        Assert.Equal(existing, await factory.InDbAsync(tenant.Info, db => db.Leads.Select(l => l.ConvertedCustomerId).SingleAsync()));
        Assert.Equal(2, await factory.InDbAsync(tenant.Info, db => db.Customers.CountAsync()));
    }

    [Fact]
    public async Task The_list_searches_filters_sorts_and_pages()
    {
        var (tenant, owner) = await SetUpAsync();
        var ownerId = await factory.UserIdAsync(tenant.Info, tenant.OwnerEmail);
        await factory.InDbAsync(tenant.Info, async db =>
        {
            for (var i = 0; i < 30; i++)
            {
                db.Leads.Add(new Lead
                {
                    FirstName = $"Person{i:00}",
                    LastName = i == 7 ? "Needle" : "Hay",
                    Email = $"p{i}@example.com",
                    Company = i == 3 ? "Boulangerie Soleil" : null,
                    Phone = i == 5 ? "+33611223344" : null,
                    Source = i % 2 == 0 ? LeadSource.Referral : LeadSource.Website,
                    Status = i < 5 ? LeadStatus.Qualified : LeadStatus.New,
                    Score = i,
                    OwnerUserId = i < 3 ? ownerId : null,
                    CreatedAt = DateTimeOffset.UtcNow.AddMinutes(i),
                    UpdatedAt = DateTimeOffset.UtcNow,
                });
            }

            return await db.SaveChangesAsync();
        });

        async Task<LeadPage> List(LeadFilter filter) => await factory.InTenantAsync(tenant.Info, sp =>
            sp.GetRequiredService<LeadQueries>().ListAsync(filter, ownerId, CancellationToken.None));

        var first = await List(new());
        Assert.Equal(30, first.Total);
        Assert.Equal(25, first.Rows.Count);
        Assert.Equal("Person29 Hay", first.Rows[0].Name); // score, highest first
        Assert.Equal(5, (await List(new(Page: 2))).Rows.Count);
        Assert.Equal("Person07 Needle", Assert.Single((await List(new(Q: "needle"))).Rows).Name);
        Assert.Equal("Person03 Hay", Assert.Single((await List(new(Q: "soleil"))).Rows).Name);
        Assert.Equal("Person05 Hay", Assert.Single((await List(new(Q: "11 22 33"))).Rows).Name);
        Assert.Equal("Person12 Hay", Assert.Single((await List(new(Q: "p12@"))).Rows).Name);
        Assert.Equal(5, (await List(new(Status: LeadStatus.Qualified))).Total);
        Assert.Equal(15, (await List(new(Source: LeadSource.Referral))).Total);
        Assert.Equal(3, (await List(new(Owner: "me"))).Total);
        var range = await List(new(MinScore: 10, MaxScore: 12, Sort: "score"));
        Assert.Equal(["Person10 Hay", "Person11 Hay", "Person12 Hay"], range.Rows.Select(r => r.Name));

        var html = await owner.GetPageAsync($"/{tenant.Slug}/admin/leads?q=needle");
        Assert.Contains("Person07", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Person08", html, StringComparison.Ordinal);
        using var partial = await owner.GetAsync($"/{tenant.Slug}/admin/leads?status=Qualified", new Dictionary<string, string> { ["HX-Request"] = "true" });
        var rows = await partial.Content.ReadAsStringAsync();
        Assert.StartsWith("<div id=\"lead-rows\"", rows.TrimStart(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_counts_conversions_and_days_per_source_in_the_date_range()
    {
        var (tenant, owner) = await SetUpAsync();
        var start = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
        await factory.InDbAsync(tenant.Info, async db =>
        {
            void Add(LeadSource source, int createdDay, int? convertedAfterDays) => db.Leads.Add(new Lead
            {
                FirstName = "R",
                Email = "r@example.com",
                Source = source,
                Status = convertedAfterDays is null ? LeadStatus.New : LeadStatus.Converted,
                CreatedAt = start.AddDays(createdDay),
                UpdatedAt = start,
                ConvertedAt = convertedAfterDays is { } d ? start.AddDays(createdDay + d) : null,
            });
            Add(LeadSource.Referral, 0, 2);
            Add(LeadSource.Referral, 1, 6);
            Add(LeadSource.Referral, 2, 10);
            Add(LeadSource.Referral, 3, null);
            Add(LeadSource.Website, 0, 3);
            Add(LeadSource.Website, 1, null);
            Add(LeadSource.Website, 2, null);
            Add(LeadSource.Website, 60, 1); // outside the range
            return await db.SaveChangesAsync();
        });

        var report = await factory.InTenantAsync(tenant.Info, sp =>
            sp.GetRequiredService<LeadQueries>().ReportAsync(start.AddDays(-1), start.AddDays(30), CancellationToken.None));
        var referral = report.Sources.Single(s => s.Source == "Referral");
        Assert.Equal((4, 3, 0.75, 6.0, 6.0), (referral.Leads, referral.Converted, referral.Rate, referral.MedianDays!.Value, referral.AverageDays!.Value));
        var website = report.Sources.Single(s => s.Source == "Website");
        Assert.Equal((3, 1, 3.0, 3.0), (website.Leads, website.Converted, website.MedianDays!.Value, website.AverageDays!.Value));
        Assert.Equal((7, 4), (report.Overall.Leads, report.Overall.Converted));
        Assert.Equal(4.5, report.Overall.MedianDays); // 2, 3, 6, 10
        Assert.Equal(5.25, report.Overall.AverageDays);

        var html = await owner.GetPageAsync($"/{tenant.Slug}/admin/leads/report?from=2026-02-28&to=2026-03-30");
        Assert.Contains("<th scope=\"row\">Referral</th>", html, StringComparison.Ordinal);
        Assert.Contains("75%", html, StringComparison.Ordinal);
        var everything = await factory.InTenantAsync(tenant.Info, sp => sp.GetRequiredService<LeadQueries>().ReportAsync(null, null, CancellationToken.None));
        Assert.Equal(8, everything.Overall.Leads);
    }

    [Fact]
    public async Task Lead_pages_render()
    {
        var (tenant, owner) = await SetUpAsync();
        var id = (await SaveAsync(tenant, new LeadForm { FirstName = "Page", Email = "page@example.com" })).Id!.Value;
        foreach (var url in new[] { "leads", "leads/edit", $"leads/edit/{id}", $"leads/convert/{id}", "leads/report", "settings/pipeline", "settings/leadscoring", "opportunities/list", "opportunities/edit", $"opportunities/edit?party=lead:{id}" })
        {
            var html = await owner.GetPageAsync($"/{tenant.Slug}/admin/{url}");
            Assert.Contains("aria-label=\"Customers section\"", html.Contains("settings/", StringComparison.Ordinal) ? "aria-label=\"Customers section\"" : html, StringComparison.Ordinal);
        }

        using var missing = await owner.GetAsync($"/{tenant.Slug}/admin/leads/edit/9999");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
