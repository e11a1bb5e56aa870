using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VibeCrm.Data;
using VibeCrm.Data.Catalog;
using VibeCrm.IntegrationTests.Infrastructure;
using VibeCrm.Tenancy;

namespace VibeCrm.IntegrationTests.Accounts;

public sealed class SignupTests(VibeCrmFactory factory) : IClassFixture<VibeCrmFactory>
{
    private static Dictionary<string, string> Form(string slug, string password = VibeCrmFactory.Password) => new()
    {
        ["Input.BusinessName"] = "Le Petit Four",
        ["Input.Slug"] = slug,
        ["Input.FirstName"] = "Paul",
        ["Input.LastName"] = "Baker",
        ["Input.Email"] = $"paul@{slug}.test",
        ["Input.Password"] = password,
        ["Input.TimeZone"] = "Europe/Paris",
        ["Input.Currency"] = "EUR",
    };

    [Fact]
    public async Task Signup_creates_the_tenant_and_lands_the_owner_signed_in_in_the_back_office()
    {
        using var browser = new BrowserClient(factory);
        var slug = "bakery-" + Guid.NewGuid().ToString("N")[..6];
        using var response = await browser.PostFormAsync("/signup", Form(slug));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/{slug}/admin", response.Headers.Location?.OriginalString);

        var dashboard = await browser.GetPageAsync($"/{slug}/admin");
        Assert.Contains("Le Petit Four", dashboard, StringComparison.Ordinal);
        Assert.Contains("Paul Baker", dashboard, StringComparison.Ordinal);

        using var scope = factory.Services.CreateScope();
        var tenant = await scope.ServiceProvider.GetRequiredService<ITenantStore>().FindByIdentifierAsync(slug, CancellationToken.None);
        Assert.Equal(TenantState.Active, tenant!.State);
        Assert.Equal("Europe/Paris", tenant.TimeZoneId);
    }

    [Theory]
    [InlineData("admin", "reserved")]
    [InlineData("platform", "reserved")]
    [InlineData("hangfire", "reserved")]
    [InlineData("Bad Slug!", "lower-case letters")]
    [InlineData("ab", "3 to 40 characters")]
    public async Task Invalid_or_reserved_slugs_get_a_clear_message_and_create_nothing(string slug, string message)
    {
        using var browser = new BrowserClient(factory);
        var before = await CountTenantsAsync();
        using var response = await browser.PostFormAsync("/signup", Form(slug));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await CountTenantsAsync());
    }

    [Fact]
    public async Task A_taken_slug_is_refused()
    {
        var existing = await factory.CreateTenantAsync();
        using var browser = new BrowserClient(factory);
        using var response = await browser.PostFormAsync("/signup", Form(existing.Slug));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("already taken", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_weak_password_is_refused_and_leaves_no_half_tenant_behind()
    {
        using var browser = new BrowserClient(factory);
        var slug = "weak-" + Guid.NewGuid().ToString("N")[..6];
        var before = await CountTenantsAsync();
        using var response = await browser.PostFormAsync("/signup", Form(slug, "abcdefghijk"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("digit", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await CountTenantsAsync());
        var locator = factory.Services.GetRequiredService<DatabaseLocator>();
        Assert.Empty(Directory.GetFiles(locator.TenantFolder, $"t_{slug.Replace('-', '_')}_*"));

        // The slug is free again.
        using var retry = await browser.PostFormAsync("/signup", Form(slug));
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
    }

    [Fact]
    public async Task The_slug_is_checked_as_it_is_typed()
    {
        using var browser = new BrowserClient(factory);
        Assert.Contains("reserved", await browser.GetPageAsync("/signup?handler=CheckSlug&Input.Slug=api"), StringComparison.Ordinal);
        Assert.Contains("looks good", await browser.GetPageAsync("/signup?handler=CheckSlug&Input.Slug=corner-cafe"), StringComparison.Ordinal);
    }

    private async Task<int> CountTenantsAsync()
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<CatalogDbContext>>().CreateDbContextAsync();
        return await db.Tenants.CountAsync();
    }
}
