using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VibeCrm.Data.Crm;
using VibeCrm.IntegrationTests.Infrastructure;
using VibeCrm.Web.Features.Customers;

namespace VibeCrm.IntegrationTests.Customers;

/// <summary>The customer pages over HTTP: list and search (htmx), new and edit forms, bulk actions, custom field settings.</summary>
public sealed partial class CustomerPagesTests(VibeCrmFactory factory) : IClassFixture<VibeCrmFactory>
{
    private async Task<(TestTenant Tenant, BrowserClient Browser)> SignedInAsync()
    {
        var tenant = await factory.CreateTenantAsync();
        var browser = new BrowserClient(factory);
        await browser.SignInStaffAsync(tenant.Slug, tenant.OwnerEmail);
        return (tenant, browser);
    }

    [Fact]
    public async Task The_customers_section_is_live_with_an_empty_state_first()
    {
        var (tenant, browser) = await SignedInAsync();
        using var _ = browser;
        var html = await browser.GetPageAsync($"/{tenant.Slug}/admin/customers");
        Assert.DoesNotContain("not available yet", html, StringComparison.Ordinal);
        Assert.Contains("Add your first customer", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/{tenant.Slug}/admin/customers/import\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/{tenant.Slug}/admin/customers/new\"", html, StringComparison.Ordinal);
        Assert.Contains("not available yet", await browser.GetPageAsync($"/{tenant.Slug}/admin/segments"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_searches_with_htmx_and_links_every_state()
    {
        var (tenant, browser) = await SignedInAsync();
        using var _ = browser;
        await factory.CreateOkAsync(tenant, new CustomerInput { FirstName = "Chloé", LastName = "Dupont", Email = "chloe@example.com", Tags = ["vip"] });
        await factory.CreateOkAsync(tenant, new CustomerInput { FirstName = "Marc", LastName = "Durand" });

        var page = WebUtility.HtmlDecode(await browser.GetPageAsync($"/{tenant.Slug}/admin/customers"));
        Assert.Contains("hx-trigger=\"input changed delay:250ms, search\"", page, StringComparison.Ordinal);
        Assert.Contains("hx-push-url=\"true\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/{tenant.Slug}/admin/customers/export\"", page, StringComparison.Ordinal);
        Assert.Contains("Chloé Dupont", page, StringComparison.Ordinal);

        using var htmx = await browser.GetAsync($"/{tenant.Slug}/admin/customers?q=chlo&sort=name", new Dictionary<string, string> { ["HX-Request"] = "true" });
        Assert.Equal(HttpStatusCode.OK, htmx.StatusCode);
        Assert.Contains("HX-Request", htmx.Headers.Vary);
        var partial = WebUtility.HtmlDecode(await htmx.Content.ReadAsStringAsync());
        Assert.DoesNotContain("<html", partial, StringComparison.Ordinal);
        Assert.Contains("Chloé Dupont", partial, StringComparison.Ordinal);
        Assert.DoesNotContain("Marc Durand", partial, StringComparison.Ordinal);
        Assert.Contains($"/{tenant.Slug}/admin/customers/details/", partial, StringComparison.Ordinal);
        Assert.Contains("sort=name&dir=desc", partial, StringComparison.Ordinal); // clicking the sorted column flips it
        Assert.Contains("aria-sort=\"ascending\"", partial, StringComparison.Ordinal);

        var filtered = WebUtility.HtmlDecode(await browser.GetPageAsync($"/{tenant.Slug}/admin/customers?tag=vip&status=Active"));
        Assert.Contains("Chloé Dupont", filtered, StringComparison.Ordinal);
        Assert.DoesNotContain("Marc Durand", filtered, StringComparison.Ordinal);
        Assert.Contains($"/{tenant.Slug}/admin/customers/export?status=Active&tag=vip", filtered, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Creating_a_customer_redirects_to_the_customer_page_and_errors_stay_on_the_form()
    {
        var (tenant, browser) = await SignedInAsync();
        using var _ = browser;
        var url = $"/{tenant.Slug}/admin/customers/new";
        using (var invalid = await browser.PostFormAsync(url, new Dictionary<string, string>
               {
                   ["Input.Email"] = "not-an-email",
                   ["Input.Phone"] = "123",
                   ["Input.Birthday"] = DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                   ["Input.Instagram"] = "https://example.com/x",
               }))
        {
            Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
            var html = WebUtility.HtmlDecode(await invalid.Content.ReadAsStringAsync());
            Assert.Contains("“not-an-email” is not a valid email address.", html, StringComparison.Ordinal);
            Assert.Contains("“123” is not a valid phone number.", html, StringComparison.Ordinal);
            Assert.Contains("The birthday cannot be in the future.", html, StringComparison.Ordinal);
            Assert.Contains("is not a Instagram profile link or handle", html, StringComparison.Ordinal);
            Assert.Contains("value=\"not-an-email\"", html, StringComparison.Ordinal); // what was typed is kept
        }

        using var created = await PostCustomerAsync(browser, url, new() { ["Input.FirstName"] = "Léa", ["Input.LastName"] = "Moreau", ["Input.Tags"] = "VIP, brunch", ["Input.Instagram"] = "@lea.moreau" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var location = created.Headers.Location!.OriginalString;
        Assert.Matches($"^/{tenant.Slug}/admin/customers/details/\\d+$", location);
        var id = int.Parse(location[(location.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var customer = await factory.LoadAsync(tenant, id);
        Assert.Equal(("Léa", "lea.moreau"), (customer.FirstName, customer.Instagram));
        Assert.Equal(["brunch", "vip"], customer.Tags.Select(t => t.Tag).Order(StringComparer.Ordinal));

        // The edit form renders the handle as a link.
        var edit = await browser.GetPageAsync($"/{tenant.Slug}/admin/customers/edit/{id}");
        Assert.Contains("href=\"https://www.instagram.com/lea.moreau\"", edit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_duplicate_email_shows_the_existing_customer_and_create_anyway_confirms()
    {
        var (tenant, browser) = await SignedInAsync();
        using var _ = browser;
        var existing = await factory.CreateOkAsync(tenant, new CustomerInput { FirstName = "Noah", LastName = "Dubois", Email = "noah@example.com" });
        var url = $"/{tenant.Slug}/admin/customers/new";
        var fields = new Dictionary<string, string> { ["Input.FirstName"] = "Noah", ["Input.Email"] = "Noah@Example.com" };

        using (var warned = await PostCustomerAsync(browser, url, fields))
        {
            Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
            var html = await warned.Content.ReadAsStringAsync();
            Assert.Contains(CustomerService.DuplicateMessage, html, StringComparison.Ordinal);
            Assert.Contains($"href=\"/{tenant.Slug}/admin/customers/details/{existing}\"", html, StringComparison.Ordinal);
            Assert.Contains("name=\"Input.CreateAnyway\" value=\"true\"", html, StringComparison.Ordinal);
        }

        Assert.Equal(1, await factory.DbAsync(tenant, db => db.Customers.CountAsync()));
        using var confirmed = await PostCustomerAsync(browser, url, new(fields) { ["Input.CreateAnyway"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(2, await factory.DbAsync(tenant, db => db.Customers.CountAsync()));
    }

    [Fact]
    public async Task A_stale_edit_form_shows_the_conflict_message()
    {
        var (tenant, browser) = await SignedInAsync();
        using var _ = browser;
        var id = await factory.CreateOkAsync(tenant, new CustomerInput { FirstName = "Hugo", LastName = "Garcia" });
        var url = $"/{tenant.Slug}/admin/customers/edit/{id}";
        var form = await browser.GetPageAsync(url);
        var stamp = StampPattern().Match(form).Groups["s"].Value;
        Assert.NotEmpty(stamp);

        using (var saved = await browser.PostFormAsync(url, new Dictionary<string, string> { ["Input.FirstName"] = "Hugo", ["Input.LastName"] = "García", ["Input.ConcurrencyStamp"] = stamp, ["Input.Status"] = "Active" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            Assert.Equal($"/{tenant.Slug}/admin/customers/details/{id}", saved.Headers.Location?.OriginalString);
        }

        using var stale = await browser.PostFormAsync(url, new Dictionary<string, string> { ["Input.FirstName"] = "Hugo", ["Input.LastName"] = "Stale", ["Input.ConcurrencyStamp"] = stamp, ["Input.Status"] = "Active" });
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains(CustomerService.ConflictMessage, WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal("García", (await factory.LoadAsync(tenant, id)).LastName);
    }

    [Fact]
    public async Task Bulk_actions_tag_assign_and_send_the_selection_to_export()
    {
        var (tenant, browser) = await SignedInAsync();
        using var _ = browser;
        var owner = await factory.OwnerIdAsync(tenant);
        var a = await factory.CreateOkAsync(tenant, new CustomerInput { FirstName = "Ana" });
        var b = await factory.CreateOkAsync(tenant, new CustomerInput { FirstName = "Ben" });
        var list = $"/{tenant.Slug}/admin/customers";

        using (var tag = await PostBulkAsync(browser, list, "Tag", [a, b], new() { ["tag"] = "Office", ["returnQuery"] = "?sort=name" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, tag.StatusCode);
            Assert.Equal($"{list}?sort=name", tag.Headers.Location?.OriginalString);
        }

        Assert.Equal(["office"], (await factory.LoadAsync(tenant, b)).Tags.Select(t => t.Tag));
        Assert.Contains("Tag “office” added to 2 customers.", WebUtility.HtmlDecode(await browser.GetPageAsync(list)), StringComparison.Ordinal);

        using (var assign = await PostBulkAsync(browser, list, "Owner", [a], new() { ["owner"] = owner, ["returnQuery"] = "https://evil.example/" }))
        {
            Assert.Equal(list, assign.Headers.Location?.OriginalString); // only a query string is taken back
        }

        Assert.Equal(owner, (await factory.LoadAsync(tenant, a)).OwnerUserId);

        using var export = await PostBulkAsync(browser, list, "Export", [a, b], new() { ["returnQuery"] = "?tag=office" });
        Assert.Equal($"{list}/export?tag=office&ids={a}&ids={b}", export.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Custom_fields_are_added_renamed_reordered_archived_and_shown_on_the_form()
    {
        var (tenant, browser) = await SignedInAsync();
        using var _ = browser;
        var settings = await browser.GetPageAsync($"/{tenant.Slug}/admin/settings");
        Assert.Contains($"href=\"/{tenant.Slug}/admin/settings/customfields\"", settings, StringComparison.Ordinal);

        var url = $"/{tenant.Slug}/admin/settings/customfields";
        foreach (var (label, type, choices) in new[] { ("Favourite drink", "Choice", "Espresso\nLatte"), ("Favourite drink", "Text", ""), ("Allergies", "Text", "") })
        {
            using var added = await browser.PostFormAsync(url, new Dictionary<string, string> { ["NewField.Label"] = label, ["NewField.Type"] = type, ["NewField.Choices"] = choices }, url + "?handler=Add");
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        using (var bad = await browser.PostFormAsync(url, new Dictionary<string, string> { ["NewField.Label"] = "Size", ["NewField.Type"] = "Choice", ["NewField.Choices"] = "One" }, url + "?handler=Add"))
        {
            Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
            Assert.Contains("at least two choices", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var fields = await factory.DbAsync(tenant, db => db.CustomFields.OrderBy(f => f.SortOrder).ToListAsync());
        Assert.Equal(["favourite_drink", "favourite_drink_2", "allergies"], fields.Select(f => f.Key));

        var allergies = fields[2].Id;
        using (var moved = await browser.PostFormAsync(url, new Dictionary<string, string> { ["id"] = allergies.ToString(System.Globalization.CultureInfo.InvariantCulture), ["direction"] = "-1" }, url + "?handler=Move")) { }
        using (var renamed = await browser.PostFormAsync(url, new Dictionary<string, string> { ["id"] = fields[1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["label"] = "Usual order", ["isRequired"] = "true" }, url + "?handler=Update")) { }
        using (var archived = await browser.PostFormAsync(url, new Dictionary<string, string> { ["id"] = fields[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, url + "?handler=Archive")) { }

        fields = await factory.DbAsync(tenant, db => db.CustomFields.Where(f => !f.IsArchived).OrderBy(f => f.SortOrder).ToListAsync());
        Assert.Equal(["allergies", "favourite_drink_2"], fields.Select(f => f.Key));
        Assert.Equal(("Usual order", true), (fields[1].Label, fields[1].IsRequired));

        var form = await browser.GetPageAsync($"/{tenant.Slug}/admin/customers/new");
        Assert.Contains("name=\"Input.CustomFields[allergies]\"", form, StringComparison.Ordinal);
        Assert.Contains("Usual order", form, StringComparison.Ordinal);
        Assert.DoesNotContain("Input.CustomFields[favourite_drink]", form, StringComparison.Ordinal);

        using var missing = await PostCustomerAsync(browser, $"/{tenant.Slug}/admin/customers/new", new() { ["Input.FirstName"] = "Mia" });
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Contains("Usual order is required.", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> PostCustomerAsync(BrowserClient browser, string url, Dictionary<string, string> fields)
    {
        fields.TryAdd("Input.Status", "Active");
        return browser.PostFormAsync(url, fields);
    }

    private static async Task<HttpResponseMessage> PostBulkAsync(BrowserClient browser, string list, string handler, int[] ids, Dictionary<string, string> fields)
    {
        var html = await browser.GetPageAsync(list);
        var token = TokenPattern().Match(html).Groups["t"].Value;
        var values = fields.Select(kv => new KeyValuePair<string, string>(kv.Key, kv.Value))
            .Concat(ids.Select(id => new KeyValuePair<string, string>("ids", id.ToString(System.Globalization.CultureInfo.InvariantCulture))))
            .Append(new("__RequestVerificationToken", WebUtility.HtmlDecode(token)));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{list}?handler={handler}") { Content = new FormUrlEncodedContent(values) };
        return await browser.SendAsync(request);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<t>[^\"]+)\"", RegexOptions.ExplicitCapture, 1000)]
    private static partial Regex TokenPattern();

    [GeneratedRegex("name=\"Input.ConcurrencyStamp\" value=\"(?<s>[0-9a-f]+)\"", RegexOptions.ExplicitCapture, 1000)]
    private static partial Regex StampPattern();
}
