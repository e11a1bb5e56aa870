using System.Net;
using Microsoft.Extensions.DependencyInjection;
using VibeCrm.Data.Crm;
using VibeCrm.IntegrationTests.Infrastructure;
using VibeCrm.Web.Features.Imports;

namespace VibeCrm.IntegrationTests.Imports;

public sealed class ExportTests(VibeCrmFactory factory) : IClassFixture<VibeCrmFactory>
{
    [Fact]
    public async Task The_export_escapes_formulas_and_has_a_bom_a_header_tags_and_custom_fields()
    {
        var tenant = await factory.CreateTenantAsync();
        await factory.DbAsync(tenant.Info, db =>
        {
            db.CustomFields.Add(new CustomFieldDefinition { Key = "drink", Label = "Favourite drink", Type = CustomFieldType.Text });
            return db.SaveChangesAsync();
        });
        await factory.AddCustomerAsync(tenant.Info, "=cmd", "+1", "x@example.com", "+33612345678", c =>
        {
            c.Notes = "-2";
            c.City = "@x";
            c.Tags = [new CustomerTag { Tag = "vip" }, new CustomerTag { Tag = "coffee" }];
            c.CustomValues = [new CustomFieldValue { FieldId = 1, Value = "=HYPERLINK(\"http://evil\")" }];
        });

        using var browser = new BrowserClient(factory);
        await browser.SignInStaffAsync(tenant.Slug, tenant.OwnerEmail);
        using var response = await browser.GetAsync($"/{tenant.Slug}/admin/customers/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("attachment; filename=\"customers-", response.Content.Headers.ContentDisposition?.ToString() ?? response.Headers.GetValues("Content-Disposition").First(), StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var rows = ImportTestKit.ReadCsv(bytes);
        var header = rows[0];
        var row = rows[1];
        string Cell(string name) => row[Array.IndexOf(header, name)];
        Assert.Equal("'=cmd", Cell("First name"));
        Assert.Equal("'+1", Cell("Last name"));
        Assert.Equal("'-2", Cell("Notes"));
        Assert.Equal("'@x", Cell("City"));
        Assert.Equal("'+33612345678", Cell("Phone"));
        Assert.Equal("coffee;vip", Cell("Tags"));
        Assert.Equal("'=HYPERLINK(\"http://evil\")", Cell("Favourite drink"));
        Assert.Equal("x@example.com", Cell("Email"));
    }

    [Fact]
    public async Task The_export_respects_the_list_filters_and_leaves_merged_customers_out()
    {
        var tenant = await factory.CreateTenantAsync();
        var anna = await factory.AddCustomerAsync(tenant.Info, "Anna", "Smith", "anna@example.com", null, c =>
        {
            c.Tags = [new CustomerTag { Tag = "vip" }];
            c.CreatedAt = new DateTimeOffset(2024, 3, 10, 10, 0, 0, TimeSpan.Zero);
            c.LastActivityAt = new DateTimeOffset(2024, 6, 1, 10, 0, 0, TimeSpan.Zero);
        });
        await factory.AddCustomerAsync(tenant.Info, "Bob", "Lee", "bob@example.com", "+33611111111", c =>
        {
            c.Status = CustomerStatus.Blocked;
            c.CreatedAt = new DateTimeOffset(2024, 5, 10, 10, 0, 0, TimeSpan.Zero);
        });
        await factory.AddCustomerAsync(tenant.Info, "Anne", "Merged", "anne@example.com", null, c =>
        {
            c.MergedIntoId = 1;
            c.Tags = [new CustomerTag { Tag = "vip" }];
        });
        await factory.AddCustomerAsync(tenant.Info, "Carl", "Jones", "carl@example.com", null, c => c.CreatedAt = new DateTimeOffset(2024, 3, 31, 23, 30, 0, TimeSpan.Zero));

        Assert.Equal(["Anna", "Bob", "Carl"], await NamesAsync(tenant, "?sort=name&x=").ContinueWith(t => t.Result.Order(StringComparer.Ordinal).ToList()));
        Assert.Equal(["Anna"], await NamesAsync(tenant, "?tag=VIP"));
        Assert.Equal(["Bob"], await NamesAsync(tenant, "?status=Blocked"));
        Assert.Equal(["Anna"], await NamesAsync(tenant, "?q=ann"));
        Assert.Equal(["Anna"], await NamesAsync(tenant, "?q=smi"));
        Assert.Equal(["Bob"], await NamesAsync(tenant, "?q=0611111111"));
        Assert.Equal(["Anna"], await NamesAsync(tenant, "?activeFrom=2024-05-01&activeTo=2024-06-30"));
        // 31 March 23:30 UTC is 1 April in Paris: the days are the tenant's.
        Assert.Equal(["Anna"], await NamesAsync(tenant, "?createdFrom=2024-03-01&createdTo=2024-03-31"));
        Assert.Equal(["Bob", "Carl"], await NamesAsync(tenant, "?createdFrom=2024-04-01&sort=-created"));
        Assert.Equal(["Carl", "Bob"], await NamesAsync(tenant, "?createdFrom=2024-04-01&sort=created"));
        Assert.Equal(["Carl", "Anna"], await NamesAsync(tenant, $"?ids={anna},4,3,999,abc&sort=name"));

        // The list's own filter: what the list shows is what is exported (its "no owner", "#tag" search, sort and
        // direction links, and the repeated ids "export selected" sends).
        Assert.Equal(["Anna", "Bob", "Carl"], (await NamesAsync(tenant, "?owner=none")).Order(StringComparer.Ordinal));
        Assert.Equal(["Anna"], await NamesAsync(tenant, "?q=%23vip"));
        Assert.Equal(["Anna", "Bob", "Carl"], await NamesAsync(tenant, "?sort=name&dir=desc")); // Smith, Lee, Jones
        Assert.Equal(["Anna", "Carl"], await NamesAsync(tenant, $"?ids={anna}&ids=4&sort=name&dir=desc"));
    }

    [Fact]
    public async Task The_filter_is_applied_in_the_database_with_the_owner_too()
    {
        var tenant = await factory.CreateTenantAsync();
        await factory.AddCustomerAsync(tenant.Info, "Anna", "Smith", null, null, c => c.OwnerUserId = "staff-1");
        await factory.AddCustomerAsync(tenant.Info, "Bob", "Lee", null, null);
        var names = await factory.InTenantAsync(tenant.Info, sp =>
        {
            var query = new CustomerExportFilter(new VibeCrm.Web.Features.Customers.CustomerListQuery { Owner = "staff-1" }).Apply(sp.GetRequiredService<VibeCrm.Web.Features.Customers.CustomerQueries>());
            Assert.Contains("WHERE", Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToQueryString(query), StringComparison.Ordinal);
            return Task.FromResult(query.Select(c => c.FirstName).ToList());
        });
        Assert.Equal(["Anna"], names);
    }

    private async Task<List<string>> NamesAsync(TestTenant tenant, string query)
    {
        using var browser = new BrowserClient(factory);
        await browser.SignInStaffAsync(tenant.Slug, tenant.OwnerEmail);
        using var response = await browser.GetAsync($"/{tenant.Slug}/admin/customers/export{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = ImportTestKit.ReadCsv(await response.Content.ReadAsByteArrayAsync());
        var first = Array.IndexOf(rows[0], "First name");
        return [.. rows.Skip(1).Select(r => r[first])];
    }
}
