using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using VibeCrm.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static VibeCrm.E2E.Infrastructure.Journeys;
using static VibeCrm.E2E.Infrastructure.PageChecks;

namespace VibeCrm.E2E;

/// <summary>The CRM journeys: log an interaction, move opportunities on the board, import a CSV with a bad row.</summary>
[Collection(E2ECollection.Name)]
public sealed partial class CrmJourneyTests(AppFixture app)
{
    [Fact]
    public async Task Staff_log_an_interaction_from_the_customer_page_and_it_appears_on_the_timeline_without_a_reload()
    {
        await using var browser = await app.NewSessionAsync();
        var page = browser.Page;
        var merchant = NewMerchant();
        await SignUpAsync(page, merchant, currency: "EUR");
        var customerUrl = await CreateCustomerAsync(page, merchant.Slug, "Inès", "Moreau", "ines.moreau@example.com");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Inès Moreau");
        await AxeAsync(page);
        await ScreenshotAsync(page, "crm-01-customer-page");

        // A marker on the window survives only if the page is not reloaded.
        await page.EvaluateAsync("() => { window.__sameDocument = true; }");
        var form = page.Locator("#interaction-form");
        await form.GetByLabel("Type").SelectOptionAsync(new SelectOptionValue { Label = "Call" });
        await form.GetByLabel("Subject").FillAsync("Asked about the tasting menu");
        await form.GetByLabel("Outcome").FillAsync("Booked for Friday");
        await form.GetByLabel("Follow up on").FillAsync(DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await form.GetByRole(AriaRole.Button, new() { Name = "Log" }).ClickAsync();

        var timeline = page.Locator("#timeline-items");
        await Expect(timeline).ToContainTextAsync("Asked about the tasting menu");
        await Expect(timeline).ToContainTextAsync("Booked for Friday");
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "The page was reloaded to log the interaction.");
        await Expect(page).ToHaveURLAsync(customerUrl);
        await Expect(page.Locator("#interaction-form").GetByLabel("Subject")).ToHaveValueAsync(""); // a fresh form for the next one

        // Validation comes back in the form, still without a reload.
        await page.Locator("#interaction-form").GetByRole(AriaRole.Button, new() { Name = "Log" }).ClickAsync();
        await Expect(page.Locator("#interaction-form")).ToContainTextAsync("Enter a subject.");
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"));
        await SettledAsync(page);
        await AxeAsync(page);
        await ScreenshotAsync(page, "crm-02-interaction-logged");

        // After a reload it is still there, and due tomorrow in "My follow-ups" only from tomorrow: today the list is empty.
        await page.ReloadAsync();
        await Expect(page.Locator("#timeline-items")).ToContainTextAsync("Asked about the tasting menu");
        await page.GotoAsync($"/{merchant.Slug}/admin/followups");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("follow-ups", new() { IgnoreCase = true });
        await AxeAsync(page);
        await ScreenshotAsync(page, "crm-03-follow-ups");

        browser.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Staff_move_an_opportunity_on_the_board_by_dragging_and_with_the_keyboard_and_the_totals_follow()
    {
        await using var browser = await app.NewSessionAsync(new ViewportSize { Width = 1440, Height = 900 });
        var page = browser.Page;
        var merchant = NewMerchant();
        await SignUpAsync(page, merchant, currency: "EUR");
        var customerUrl = await CreateCustomerAsync(page, merchant.Slug, "Paul", "Girard", "paul.girard@example.com");
        var customerId = customerUrl.Split('/')[^1];
        await CreateOpportunityAsync(page, merchant.Slug, customerId, "Wedding buffet", 1000m);
        await CreateOpportunityAsync(page, merchant.Slug, customerId, "Office lunches", 500m);

        await page.GotoAsync($"/{merchant.Slug}/admin/opportunities");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Pipeline");
        var qualification = Column(page, "Qualification");
        var proposal = Column(page, "Proposal");
        var negotiation = Column(page, "Negotiation");
        await Expect(qualification.Locator(".pipeline-card")).ToHaveCountAsync(2);
        await Expect(ColumnTotal(qualification)).ToHaveTextAsync("1,500 EUR · weighted 150 EUR"); // 10 % by default
        await Expect(Pipeline(page)).ToContainTextAsync("2 open · 1,500 EUR · weighted 150 EUR");
        await AxeAsync(page);
        await ScreenshotAsync(page, "crm-04-board");

        // Drag: the card is dropped on the Proposal column; htmx re-renders the board.
        await Card(page, "Wedding buffet").DragToAsync(proposal.Locator(".pipeline-cards"));
        await Expect(proposal.Locator(".pipeline-card")).ToHaveCountAsync(1);
        await Expect(proposal).ToContainTextAsync("Wedding buffet");
        await Expect(ColumnTotal(Column(page, "Proposal"))).ToHaveTextAsync("1,000 EUR · weighted 400 EUR"); // 40 %
        await Expect(ColumnTotal(Column(page, "Qualification"))).ToHaveTextAsync("500 EUR · weighted 50 EUR");
        await Expect(Pipeline(page)).ToContainTextAsync("2 open · 1,500 EUR · weighted 450 EUR");

        // Keyboard: tab to the card's "Move to" menu, choose Negotiation with the arrow keys, then Enter on Move.
        var menu = page.GetByLabel("Move “Office lunches” to");
        await menu.FocusAsync();
        await Expect(menu).ToBeFocusedAsync();
        await menu.PressAsync("ArrowDown"); // Proposal
        await menu.PressAsync("ArrowDown"); // Negotiation
        await Expect(menu).ToHaveValueAsync(await negotiation.GetAttributeAsync("data-stage-id") ?? "");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Move “Office lunches”" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(Column(page, "Negotiation")).ToContainTextAsync("Office lunches");
        await Expect(Column(page, "Qualification").Locator(".pipeline-card")).ToHaveCountAsync(0);
        await Expect(ColumnTotal(Column(page, "Negotiation"))).ToHaveTextAsync("500 EUR · weighted 350 EUR"); // 70 %
        await Expect(Pipeline(page)).ToContainTextAsync("2 open · 1,500 EUR · weighted 750 EUR");
        await AxeAsync(page);
        await ScreenshotAsync(page, "crm-05-board-after-moves");

        // The moves are saved: a reload shows the same board.
        await page.ReloadAsync();
        await Expect(Column(page, "Proposal")).ToContainTextAsync("Wedding buffet");
        await Expect(Column(page, "Negotiation")).ToContainTextAsync("Office lunches");

        browser.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Staff_import_a_csv_with_one_bad_row_see_the_error_import_the_valid_rows_and_download_the_error_file()
    {
        await using var browser = await app.NewSessionAsync();
        var page = browser.Page;
        var merchant = NewMerchant();
        await SignUpAsync(page, merchant, currency: "EUR");

        await page.GotoAsync($"/{merchant.Slug}/admin/customers/import");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Import customers or leads");
        await AxeAsync(page);
        await ScreenshotAsync(page, "crm-06-import-upload");
        const string csv = "First name,Last name,Email,City\nAmélie,Roux,amelie.roux@example.com,Lyon\nBruno,Petit,bruno.petit@@example,Nantes\nChloé,Blanc,chloe.blanc@example.com,Lille\n";
        await Field(page, "CSV file").SetInputFilesAsync(new FilePayload { Name = "customers.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and continue" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Map columns");
        await Expect(page.GetByLabel("Import “Email” as")).ToHaveValueAsync("email"); // suggested from the header
        await AxeAsync(page);
        await ScreenshotAsync(page, "crm-07-import-map");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview the import" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Preview");
        var problems = page.Locator("#preview-errors tbody tr");
        await Expect(problems).ToHaveCountAsync(1);
        await Expect(problems.Locator("td").Nth(0)).ToHaveTextAsync("3"); // the header is row 1
        await Expect(problems.Locator("td").Nth(1)).ToHaveTextAsync("Email");
        await Expect(problems.Locator("td").Nth(2)).ToContainTextAsync("bruno.petit@@example");
        await Expect(page.Locator("#invalid-warning")).ToContainTextAsync("1 row has errors");
        await AxeAsync(page);
        await ScreenshotAsync(page, "crm-08-import-preview");

        await page.GetByLabel("Import valid rows only").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the import" }).ClickAsync();

        // Queued: the progress bar shows and polls until the app's job server has run the import.
        await Expect(page.Locator("#import-progress")).ToBeVisibleAsync();
        await AxeAsync(page);
        await ScreenshotAsync(page, "crm-09-import-progress");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Import finished" })).ToBeVisibleAsync();
        await Expect(page.Locator("#summary-created")).ToHaveTextAsync("2");
        await Expect(page.Locator("#summary-updated")).ToHaveTextAsync("0");
        await Expect(page.Locator("#summary-errors")).ToHaveTextAsync("1");
        await AxeAsync(page);
        await ScreenshotAsync(page, "crm-10-import-summary");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#error-file").ClickAsync());
        var path = await download.PathAsync();
        var errorFile = (await File.ReadAllTextAsync(path!)).TrimStart('\uFEFF');
        var lines = errorFile.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("Row,Field,Reason,First name,Last name,Email,City", lines[0]);
        Assert.Single(lines, l => l.StartsWith("3,Email,", StringComparison.Ordinal) && l.Contains("bruno.petit@@example", StringComparison.Ordinal) && l.Contains("not a valid email", StringComparison.Ordinal));
        Assert.Equal(2, lines.Length);

        // The two valid customers are in the list; the bad row is not.
        await page.GotoAsync($"/{merchant.Slug}/admin/customers");
        await Expect(page.Locator("#customer-results")).ToContainTextAsync("Amélie Roux");
        await Expect(page.Locator("#customer-results")).ToContainTextAsync("Chloé Blanc");
        await Expect(page.Locator("#customer-results")).Not.ToContainTextAsync("Bruno");

        browser.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task The_customer_list_and_leads_list_fit_a_laptop_and_a_phone()
    {
        await using var browser = await app.NewSessionAsync();
        var page = browser.Page;
        var merchant = NewMerchant();
        await SignUpAsync(page, merchant, currency: "EUR");
        await CreateCustomerAsync(page, merchant.Slug, "Maximilian-Alexander", "Oppenheimer-Castellane", "maximilian.oppenheimer-castellane@example.com");
        await page.GotoAsync($"/{merchant.Slug}/admin/leads/edit");
        await Field(page, "First name").FillAsync("Lena");
        await Field(page, "Email").FillAsync("lena@example.com");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create lead" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Lena");
        await AxeAsync(page);
        await ScreenshotAsync(page, "crm-11-lead-page");

        foreach (var (width, name) in new[] { (1280, "1280"), (390, "mobile") })
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.GotoAsync($"/{merchant.Slug}/admin/customers");
            await Expect(page.Locator("#customer-results")).ToContainTextAsync("Oppenheimer-Castellane");
            await ScreenshotAsync(page, $"crm-12-customers-{name}");
            await AssertFitsAsync(page, "#customer-filters");
            await AssertFitsAsync(page, "#customer-results .table-responsive");
            await AssertFiltersDoNotTouchAsync(page);
            await AxeAsync(page);

            await page.GotoAsync($"/{merchant.Slug}/admin/leads");
            await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Lena");
            await AxeAsync(page);
            await ScreenshotAsync(page, $"crm-13-leads-{name}");
        }

        browser.AssertNoConsoleErrors();
    }

    /// <summary>Creates a customer through the form; returns the customer page's URL.</summary>
    private static async Task<string> CreateCustomerAsync(IPage page, string slug, string first, string last, string email)
    {
        await page.GotoAsync($"/{slug}/admin/customers/new");
        await page.GetByLabel("First name").FillAsync(first);
        await page.GetByLabel("Last name").FillAsync(last);
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create customer" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/{slug}/admin/customers/details/\\d+$"));
        return page.Url;
    }

    private static async Task CreateOpportunityAsync(IPage page, string slug, string customerId, string title, decimal amount)
    {
        await page.GotoAsync($"/{slug}/admin/opportunities/edit?party=customer:{customerId}");
        await Field(page, "Title").FillAsync(title);
        await Field(page, "Amount").FillAsync(amount.ToString(CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Create opportunity" }).ClickAsync();
        await Expect(page.Locator(".alert")).ToContainTextAsync("Opportunity", new() { IgnoreCase = true });
    }

    private static ILocator Column(IPage page, string stage) => page.Locator(".pipeline-column").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = stage }) });

    private static ILocator ColumnTotal(ILocator column) => column.Locator("[data-column-total]");

    private static ILocator Pipeline(IPage page) => page.Locator(".pipeline-summary");

    private static ILocator Card(IPage page, string title) => page.Locator(".pipeline-card").Filter(new() { HasText = title });

    /// <summary>The element does not overflow the viewport horizontally, and its content is not wider than its box.</summary>
    private static async Task AssertFitsAsync(IPage page, string selector)
    {
        var m = await page.EvaluateAsync<double[]>(
            "s => { const e = document.querySelector(s); const r = e.getBoundingClientRect(); return [r.right, document.documentElement.clientWidth, e.scrollWidth, e.clientWidth]; }", selector);
        var (right, viewport, scroll, client) = (m[0], m[1], m[2], m[3]);
        Assert.True(right <= viewport + 0.5, $"{selector} ends at {right}px, past the viewport ({viewport}px).");
        var overflow = await page.EvaluateAsync<string>(
            "s => { const e = document.querySelector(s); return getComputedStyle(e).overflowX; }", selector);
        Assert.True(scroll <= client + 1 || overflow is "auto" or "scroll", $"{selector} content is {scroll}px wide in a {client}px box and is cut off.");
    }

    /// <summary>No two filter controls overlap or touch (at least 4 px apart when on the same line).</summary>
    private static async Task AssertFiltersDoNotTouchAsync(IPage page)
    {
        var problem = await page.EvaluateAsync<string?>("""
            () => {
              const boxes = [...document.querySelectorAll('#customer-filters .form-control, #customer-filters .form-select')].map(e => [e.id, e.getBoundingClientRect()]);
              for (const [a, ra] of boxes) for (const [b, rb] of boxes) {
                if (a >= b) continue;
                const sameLine = ra.top < rb.bottom && rb.top < ra.bottom;
                const gap = Math.max(rb.left - ra.right, ra.left - rb.right);
                if (sameLine && gap < 4) return `${a} and ${b} are ${gap}px apart`;
              }
              return null;
            }
            """);
        Assert.True(problem is null, problem);
    }
}
