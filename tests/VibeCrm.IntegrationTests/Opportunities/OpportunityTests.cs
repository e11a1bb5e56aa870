using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VibeCrm.Data.Crm;
using VibeCrm.IntegrationTests.Infrastructure;
using VibeCrm.Web.Features.Opportunities;

namespace VibeCrm.IntegrationTests.Opportunities;

public sealed class OpportunityTests(VibeCrmFactory factory) : IClassFixture<VibeCrmFactory>
{
    private static Task<IReadOnlyList<StageRow>> StagesAsync(IServiceProvider sp) =>
        sp.GetRequiredService<PipelineStages>().ListAsync(false, CancellationToken.None);

    private async Task<(TestTenant Tenant, BrowserClient Owner, IReadOnlyList<StageRow> Stages, int CustomerId)> SetUpAsync()
    {
        var tenant = await factory.CreateTenantAsync();
        var owner = new BrowserClient(factory);
        await owner.SignInStaffAsync(tenant.Slug, tenant.OwnerEmail);
        var stages = await factory.InTenantAsync(tenant.Info, StagesAsync);
        var customer = await factory.AddCustomerAsync(tenant.Info, "Chloé", "Dupont", "chloe@example.com");
        return (tenant, owner, stages, customer);
    }

    private Task<int> AddOpportunityAsync(TestTenant tenant, string title, int customerId, decimal amount, int stageId, int? probability = null, DateOnly? close = null, string? ownerId = null) =>
        factory.InTenantAsync(tenant.Info, async sp =>
        {
            var result = await sp.GetRequiredService<OpportunityService>().CreateAsync(
                new OpportunityForm { Title = title, Party = $"customer:{customerId}", Amount = amount, Probability = probability, StageId = stageId, ExpectedCloseOn = close, OwnerUserId = ownerId, LostReason = "test" },
                "EUR", null, CancellationToken.None);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
            return result.Id!.Value;
        });

    private static StageRow Stage(IReadOnlyList<StageRow> stages, string name) => stages.Single(s => s.Name == name);

    [Fact]
    public async Task Default_stages_are_created_once_in_board_order()
    {
        var tenant = await factory.CreateTenantAsync();
        var stages = await factory.InTenantAsync(tenant.Info, async sp =>
        {
            var service = sp.GetRequiredService<PipelineStages>();
            await service.EnsureDefaultStagesAsync(CancellationToken.None);
            await service.EnsureDefaultStagesAsync(CancellationToken.None);
            return await service.ListAsync(false, CancellationToken.None);
        });
        Assert.Equal(["Qualification", "Proposal", "Negotiation", "Won", "Lost"], stages.Select(s => s.Name));
        Assert.Equal([10, 40, 70, 100, 0], stages.Select(s => s.DefaultProbability));
        Assert.Equal([StageKind.Open, StageKind.Open, StageKind.Open, StageKind.Won, StageKind.Lost], stages.Select(s => s.Kind));
        Assert.Equal(5, await factory.InDbAsync(tenant.Info, db => db.PipelineStages.CountAsync()));
    }

    [Fact]
    public async Task Stage_settings_keep_one_won_and_one_lost_and_refuse_archiving_a_stage_in_use()
    {
        var (tenant, owner, stages, customer) = await SetUpAsync();
        await AddOpportunityAsync(tenant, "Catering", customer, 100, Stage(stages, "Proposal").Id);
        await factory.InTenantAsync(tenant.Info, async sp =>
        {
            var service = sp.GetRequiredService<PipelineStages>();
            var ct = CancellationToken.None;
            Assert.Contains("Won", (await service.ArchiveAsync(Stage(stages, "Won").Id, ct)).Error, StringComparison.Ordinal);
            Assert.Contains("Lost", (await service.ArchiveAsync(Stage(stages, "Lost").Id, ct)).Error, StringComparison.Ordinal);
            Assert.Contains("still holds 1", (await service.ArchiveAsync(Stage(stages, "Proposal").Id, ct)).Error, StringComparison.Ordinal);
            Assert.False((await service.UpdateAsync(Stage(stages, "Won").Id, "Won", 90, ct)).Succeeded);
            Assert.True((await service.UpdateAsync(Stage(stages, "Won").Id, "Signed", 100, ct)).Succeeded);
            Assert.False((await service.AddAsync("proposal", 50, ct)).Succeeded); // same name, any case
            Assert.False((await service.AddAsync("Demo", 150, ct)).Succeeded);
            Assert.False((await service.AddAsync(" ", 50, ct)).Succeeded);
            Assert.True((await service.AddAsync("Demo", 25, ct)).Succeeded);
            Assert.True((await service.ArchiveAsync(Stage(stages, "Qualification").Id, ct)).Succeeded);
            var demo = (await service.ListAsync(false, ct)).Single(s => s.Name == "Demo");
            Assert.True((await service.MoveAsync(demo.Id, -1, ct)).Succeeded);
            Assert.False((await service.MoveAsync(Stage(stages, "Lost").Id, -1, ct)).Succeeded);
            var after = await service.ListAsync(false, ct);
            Assert.Equal(["Proposal", "Demo", "Negotiation", "Signed", "Lost"], after.Select(s => s.Name));
            Assert.Single(after, s => s.Kind == StageKind.Won);
            Assert.Single(after, s => s.Kind == StageKind.Lost);
            return 0;
        });

        // The page shows the refusal as a message.
        var page = $"/{tenant.Slug}/admin/settings/pipeline";
        using (var archive = await owner.PostFormAsync(page, new Dictionary<string, string> { ["id"] = Stage(stages, "Proposal").Id.ToString() }, page + "?handler=Archive"))
        {
            Assert.Equal(HttpStatusCode.Redirect, archive.StatusCode);
        }

        Assert.Contains("still holds 1", await owner.GetPageAsync(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_pages_are_for_managers_and_owners_only()
    {
        var tenant = await factory.CreateTenantAsync();
        await factory.AddStaffAsync(tenant, "agent@staff.test", "Agent");
        using var agent = new BrowserClient(factory);
        await agent.SignInStaffAsync(tenant.Slug, "agent@staff.test");
        foreach (var page in new[] { "settings/pipeline", "settings/leadscoring" })
        {
            using var response = await agent.GetAsync($"/{tenant.Slug}/admin/{page}");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("accessdenied", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }

        // Agents do work the pipeline and the leads.
        Assert.Contains("Pipeline", await agent.GetPageAsync($"/{tenant.Slug}/admin/opportunities"), StringComparison.Ordinal);
        await agent.GetPageAsync($"/{tenant.Slug}/admin/leads");
    }

    [Fact]
    public async Task The_form_validates_and_creates_with_the_tenant_currency_and_a_first_history_row()
    {
        var (tenant, owner, stages, customer) = await SetUpAsync();
        var page = $"/{tenant.Slug}/admin/opportunities/edit";
        var invalid = await owner.PostFormAsync(page, new Dictionary<string, string>
        {
            ["Input.Title"] = "",
            ["Input.Amount"] = "-5",
            ["Input.Probability"] = "150",
            ["Input.Currency"] = "euro",
            ["Input.StageId"] = Stage(stages, "Lost").Id.ToString(),
        }).BodyAsync(HttpStatusCode.OK);
        Assert.Contains("Give the opportunity a title.", invalid, StringComparison.Ordinal);
        Assert.Contains("Choose the customer or lead", invalid, StringComparison.Ordinal);
        Assert.Contains("cannot be negative", invalid, StringComparison.Ordinal);
        Assert.Contains("between 0 and 100", invalid, StringComparison.Ordinal);
        Assert.Contains("three-letter currency", invalid, StringComparison.Ordinal);
        Assert.Contains("Say why this opportunity was lost.", invalid, StringComparison.Ordinal);
        Assert.Equal(0, await factory.InDbAsync(tenant.Info, db => db.Opportunities.CountAsync()));

        using var created = await owner.PostFormAsync(page, new Dictionary<string, string>
        {
            ["Input.Title"] = " Wedding cake ",
            ["Input.Party"] = $"customer:{customer}",
            ["Input.Amount"] = "450.50",
            ["Input.Currency"] = "",
            ["Input.Probability"] = "",
            ["Input.ExpectedCloseOn"] = "2026-12-20",
            ["Input.StageId"] = Stage(stages, "Qualification").Id.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var opportunity = await factory.InDbAsync(tenant.Info, db => db.Opportunities.SingleAsync());
        Assert.Equal("Wedding cake", opportunity.Title);
        Assert.Equal("EUR", opportunity.Currency);
        Assert.Equal(450.50m, opportunity.Amount);
        Assert.Null(opportunity.Probability);
        Assert.Equal(customer, opportunity.CustomerId);
        Assert.Equal(new DateOnly(2026, 12, 20), opportunity.ExpectedCloseOn);
        Assert.Null(opportunity.ClosedAt);
        var history = await factory.InDbAsync(tenant.Info, db => db.OpportunityStageChanges.ToListAsync());
        Assert.Single(history);
        Assert.Null(history[0].FromStageId);

        // Edit: the detail page shows the history; an unknown customer is refused.
        var detail = await owner.GetPageAsync($"{page}/{opportunity.Id}");
        Assert.Contains("Stage history", detail, StringComparison.Ordinal);
        Assert.Contains("(created)", detail, StringComparison.Ordinal);
        var unknown = await owner.PostFormAsync($"{page}/{opportunity.Id}", new Dictionary<string, string>
        {
            ["Input.Title"] = "Wedding cake",
            ["Input.Party"] = "customer:999",
            ["Input.StageId"] = Stage(stages, "Qualification").Id.ToString(),
        }).BodyAsync(HttpStatusCode.OK);
        Assert.Contains("That customer no longer exists.", unknown, StringComparison.Ordinal);

        // Edit to Won through the form: ClosedAt is set and the move is recorded.
        using var won = await owner.PostFormAsync($"{page}/{opportunity.Id}", new Dictionary<string, string>
        {
            ["Input.Title"] = "Wedding cake",
            ["Input.Party"] = $"customer:{customer}",
            ["Input.Amount"] = "500",
            ["Input.Probability"] = "80",
            ["Input.StageId"] = Stage(stages, "Won").Id.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, won.StatusCode);
        var saved = await factory.InDbAsync(tenant.Info, db => db.Opportunities.SingleAsync());
        Assert.NotNull(saved.ClosedAt);
        Assert.Equal(80, saved.Probability);
        Assert.Equal(2, await factory.InDbAsync(tenant.Info, db => db.OpportunityStageChanges.CountAsync()));

        // The record shows its audit trail: who changed the amount, from what to what.
        var audited = await owner.GetPageAsync($"{page}/{opportunity.Id}");
        Assert.Contains("Change history", audited, StringComparison.Ordinal);
        Assert.Matches(@"<span class=""audit-old"">450[.,]5", audited);
        Assert.Matches(@"<span class=""audit-new"">500", audited);
    }

    [Fact]
    public async Task Moving_with_the_plain_form_and_with_htmx_records_history_and_requires_a_lost_reason()
    {
        var (tenant, owner, stages, customer) = await SetUpAsync();
        var id = await AddOpportunityAsync(tenant, "Office coffee", customer, 1200, Stage(stages, "Qualification").Id);
        var board = $"/{tenant.Slug}/admin/opportunities";
        var move = board + "?handler=Move";

        // Plain form post (no JavaScript): redirect back to the board.
        using (var plain = await owner.PostFormAsync(board, new Dictionary<string, string> { ["id"] = $"{id}", ["stageId"] = $"{Stage(stages, "Proposal").Id}", ["position"] = "-1" }, move))
        {
            Assert.Equal(HttpStatusCode.Redirect, plain.StatusCode);
        }

        // htmx (drag and drop): the board comes back with the card in its new column.
        var html = await owner.HtmxPostAsync(board, new Dictionary<string, string> { ["id"] = $"{id}", ["stageId"] = $"{Stage(stages, "Negotiation").Id}", ["position"] = "0" }, move)
            .BodyAsync(HttpStatusCode.OK);
        Assert.StartsWith("<div id=\"board\"", html.TrimStart(), StringComparison.Ordinal);
        Assert.DoesNotContain("<html", html, StringComparison.Ordinal);
        var negotiation = html[html.IndexOf($"data-stage-id=\"{Stage(stages, "Negotiation").Id}\"", StringComparison.Ordinal)..];
        Assert.Contains("Office coffee", negotiation[..negotiation.IndexOf("</section>", StringComparison.Ordinal)], StringComparison.Ordinal);

        // Lost without a reason: nothing moves, the card asks for the reason (htmx and plain).
        var ask = await owner.HtmxPostAsync(board, new Dictionary<string, string> { ["id"] = $"{id}", ["stageId"] = $"{Stage(stages, "Lost").Id}", ["position"] = "0" }, move)
            .BodyAsync(HttpStatusCode.OK);
        Assert.Contains("Why was “Office coffee” lost?", ask, StringComparison.Ordinal);
        var askPlain = await owner.PostFormAsync(board, new Dictionary<string, string> { ["id"] = $"{id}", ["stageId"] = $"{Stage(stages, "Lost").Id}", ["position"] = "-1" }, move)
            .BodyAsync(HttpStatusCode.OK);
        Assert.Contains("Why was “Office coffee” lost?", askPlain, StringComparison.Ordinal);
        Assert.Contains("<html", askPlain, StringComparison.Ordinal);
        var still = await factory.InDbAsync(tenant.Info, db => db.Opportunities.SingleAsync());
        Assert.Equal(Stage(stages, "Negotiation").Id, still.StageId);

        // With a reason: Lost, closed, reason kept.
        await owner.HtmxPostAsync(board, new Dictionary<string, string> { ["id"] = $"{id}", ["stageId"] = $"{Stage(stages, "Lost").Id}", ["position"] = "0", ["lostReason"] = "Went with a competitor" }, move)
            .BodyAsync(HttpStatusCode.OK);
        var lost = await factory.InDbAsync(tenant.Info, db => db.Opportunities.SingleAsync());
        Assert.Equal(Stage(stages, "Lost").Id, lost.StageId);
        Assert.Equal("Went with a competitor", lost.LostReason);
        Assert.NotNull(lost.ClosedAt);

        // Reopened: ClosedAt and the reason are cleared.
        await owner.HtmxPostAsync(board, new Dictionary<string, string> { ["id"] = $"{id}", ["stageId"] = $"{Stage(stages, "Proposal").Id}", ["position"] = "0" }, move)
            .BodyAsync(HttpStatusCode.OK);
        var reopened = await factory.InDbAsync(tenant.Info, db => db.Opportunities.SingleAsync());
        Assert.Null(reopened.ClosedAt);
        Assert.Null(reopened.LostReason);

        // Won sets ClosedAt again.
        await owner.HtmxPostAsync(board, new Dictionary<string, string> { ["id"] = $"{id}", ["stageId"] = $"{Stage(stages, "Won").Id}", ["position"] = "0" }, move)
            .BodyAsync(HttpStatusCode.OK);
        Assert.NotNull((await factory.InDbAsync(tenant.Info, db => db.Opportunities.SingleAsync())).ClosedAt);

        var history = await factory.InDbAsync(tenant.Info, db => db.OpportunityStageChanges.OrderBy(c => c.Id).ToListAsync());
        Assert.Equal(
            [Stage(stages, "Qualification").Id, Stage(stages, "Proposal").Id, Stage(stages, "Negotiation").Id, Stage(stages, "Lost").Id, Stage(stages, "Proposal").Id, Stage(stages, "Won").Id],
            history.Select(h => h.ToStageId));
        Assert.Equal([null, Stage(stages, "Qualification").Id, Stage(stages, "Proposal").Id, Stage(stages, "Negotiation").Id, Stage(stages, "Lost").Id, Stage(stages, "Proposal").Id], history.Select(h => h.FromStageId));
        Assert.All(history.Skip(1), h => Assert.NotNull(h.ChangedByUserId));

        // Unknown stage or card: a message, not an error page.
        var unknown = await owner.HtmxPostAsync(board, new Dictionary<string, string> { ["id"] = "999", ["stageId"] = $"{Stage(stages, "Won").Id}", ["position"] = "0" }, move)
            .BodyAsync(HttpStatusCode.OK);
        Assert.Contains("no longer exists", unknown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dropping_at_a_position_reorders_the_column()
    {
        var (tenant, _, stages, customer) = await SetUpAsync();
        var proposal = Stage(stages, "Proposal").Id;
        var a = await AddOpportunityAsync(tenant, "A", customer, 1, proposal);
        var b = await AddOpportunityAsync(tenant, "B", customer, 1, proposal);
        var c = await AddOpportunityAsync(tenant, "C", customer, 1, Stage(stages, "Qualification").Id);
        var order = await factory.InTenantAsync(tenant.Info, async sp =>
        {
            var service = sp.GetRequiredService<OpportunityService>();
            Assert.True((await service.MoveAsync(c, proposal, 1, null, null, CancellationToken.None)).Succeeded);
            Assert.True((await service.MoveAsync(b, proposal, 0, null, null, CancellationToken.None)).Succeeded);
            var db = sp.GetRequiredService<VibeCrm.Data.Tenants.TenantDbContext>();
            return await db.Opportunities.Where(o => o.StageId == proposal).OrderBy(o => o.BoardOrder).ThenBy(o => o.Id).Select(o => o.Title).ToListAsync();
        });
        Assert.Equal(["B", "A", "C"], order);
        Assert.Equal(1, await factory.InDbAsync(tenant.Info, db => db.OpportunityStageChanges.CountAsync(s => s.OpportunityId == b))); // reordering is not a stage change
        Assert.Equal(2, await factory.InDbAsync(tenant.Info, db => db.OpportunityStageChanges.CountAsync(s => s.OpportunityId == c)));
        Assert.Equal(1, await factory.InDbAsync(tenant.Info, db => db.OpportunityStageChanges.CountAsync(s => s.OpportunityId == a)));
    }

    [Fact]
    public async Task Board_totals_weight_amounts_by_overridden_or_default_probability()
    {
        var (tenant, owner, stages, customer) = await SetUpAsync();
        await AddOpportunityAsync(tenant, "Default forty", customer, 1000, Stage(stages, "Proposal").Id);
        await AddOpportunityAsync(tenant, "Override ten", customer, 500, Stage(stages, "Proposal").Id, probability: 10);
        await AddOpportunityAsync(tenant, "Early", customer, 200, Stage(stages, "Qualification").Id);
        await AddOpportunityAsync(tenant, "Zero chance", customer, 300, Stage(stages, "Negotiation").Id, probability: 0);
        await AddOpportunityAsync(tenant, "Signed", customer, 700, Stage(stages, "Won").Id);

        var board = await factory.InTenantAsync(tenant.Info, sp =>
            sp.GetRequiredService<OpportunityQueries>().BoardAsync(new BoardFilter(), "nobody", DateTimeOffset.UtcNow, CancellationToken.None));
        MoneyTotal Column(string name) => Assert.Single(board.Columns.Single(c => c.Stage.Name == name).Totals);
        Assert.Equal(1500m, Column("Proposal").Amount);
        Assert.Equal(450m, Column("Proposal").Weighted); // 1000 × 40% + 500 × 10%
        Assert.Equal(2, Column("Proposal").Count);
        Assert.Equal(20m, Column("Qualification").Weighted);
        Assert.Equal(0m, Column("Negotiation").Weighted);
        Assert.Equal(700m, Column("Won").Weighted);
        var open = Assert.Single(board.OpenTotals);
        Assert.Equal(("EUR", 4, 2000m, 470m), (open.Currency, open.Count, open.Amount, open.Weighted));

        var html = await owner.GetPageAsync($"/{tenant.Slug}/admin/opportunities");
        Assert.Contains("weighted <span data-total=\"weighted\">470 EUR</span>", html, StringComparison.Ordinal);
        Assert.Contains("weighted <span data-total=\"weighted\">450 EUR</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_filters_by_stage_owner_status_and_close_date_and_totals_the_result()
    {
        var (tenant, owner, stages, customer) = await SetUpAsync();
        var ownerId = await factory.UserIdAsync(tenant.Info, tenant.OwnerEmail);
        await AddOpportunityAsync(tenant, "Mine early", customer, 100, Stage(stages, "Proposal").Id, close: new DateOnly(2026, 1, 10), ownerId: ownerId);
        await AddOpportunityAsync(tenant, "Mine late", customer, 200, Stage(stages, "Qualification").Id, close: new DateOnly(2026, 3, 10), ownerId: ownerId);
        await AddOpportunityAsync(tenant, "Nobody's", customer, 400, Stage(stages, "Proposal").Id, close: new DateOnly(2026, 2, 10));
        await AddOpportunityAsync(tenant, "Won one", customer, 800, Stage(stages, "Won").Id, close: new DateOnly(2026, 2, 1));
        await AddOpportunityAsync(tenant, "Lost one", customer, 1600, Stage(stages, "Lost").Id);

        async Task<OpportunityPage> List(OpportunityListFilter filter) => await factory.InTenantAsync(tenant.Info, sp =>
            sp.GetRequiredService<OpportunityQueries>().ListAsync(filter, ownerId, CancellationToken.None));

        Assert.Equal(["Mine early", "Mine late"], (await List(new(Owner: "me"))).Rows.Select(r => r.Title));
        Assert.Equal(["Mine early", "Nobody's"], (await List(new(StageId: Stage(stages, "Proposal").Id))).Rows.Select(r => r.Title));
        Assert.Equal(["Won one"], (await List(new(Status: OpportunityStatus.Won))).Rows.Select(r => r.Title));
        Assert.Equal(["Lost one"], (await List(new(Status: OpportunityStatus.Lost))).Rows.Select(r => r.Title));
        var open = await List(new(Status: OpportunityStatus.Open, Sort: "-amount"));
        Assert.Equal(["Nobody's", "Mine late", "Mine early"], open.Rows.Select(r => r.Title));
        Assert.Equal(700m, Assert.Single(open.Totals).Amount);
        Assert.Equal(220m, open.Totals[0].Weighted); // 100×40% + 200×10% + 400×40%
        var february = await List(new(CloseFrom: new DateOnly(2026, 2, 1), CloseTo: new DateOnly(2026, 2, 28)));
        Assert.Equal(["Won one", "Nobody's"], february.Rows.Select(r => r.Title));
        Assert.Equal(2, february.Total);
        Assert.Equal(["Nobody's"], (await List(new(Owner: "none", Status: OpportunityStatus.Open))).Rows.Select(r => r.Title));

        var html = await owner.GetPageAsync($"/{tenant.Slug}/admin/opportunities/list?status=Open&owner=me");
        Assert.Contains("Mine late", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Nobody&#x27;s", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Won one", html, StringComparison.Ordinal);
        var partial = await owner.GetAsync($"/{tenant.Slug}/admin/opportunities/list?status=Won", new Dictionary<string, string> { ["HX-Request"] = "true" });
        var rows = await partial.Content.ReadAsStringAsync();
        Assert.StartsWith("<div id=\"opportunity-rows\"", rows.TrimStart(), StringComparison.Ordinal);
        Assert.Contains("Won one", rows, StringComparison.Ordinal);

        // The board's "my opportunities" filter.
        var mine = await owner.GetPageAsync($"/{tenant.Slug}/admin/opportunities?owner=me");
        Assert.Contains("Mine early", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("Nobody&#x27;s", mine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Picker_search_finds_customers_and_leads()
    {
        var (tenant, owner, _, _) = await SetUpAsync();
        await factory.InDbAsync(tenant.Info, async db =>
        {
            db.Leads.Add(new Lead { FirstName = "Dorian", LastName = "Gray", Email = "dorian@example.com", NormalizedEmail = "dorian@example.com", CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });
        var options = await owner.GetPageAsync($"/{tenant.Slug}/admin/opportunities/edit?handler=Parties&q=chlo");
        Assert.True(options.Contains("Dupont", StringComparison.Ordinal), options);
        Assert.DoesNotContain("Dorian", options, StringComparison.Ordinal);
        var leads = await owner.GetPageAsync($"/{tenant.Slug}/admin/opportunities/edit?handler=Parties&q=GRAY");
        Assert.True(leads.Contains("Dorian Gray", StringComparison.Ordinal), leads);
        Assert.DoesNotContain("Dupont", leads, StringComparison.Ordinal);
    }
}
