using System.Net;
using VibeCrm.IntegrationTests.Infrastructure;

namespace VibeCrm.IntegrationTests.Platform;

public sealed class PlatformTests(VibeCrmFactory factory) : IClassFixture<VibeCrmFactory>
{
    [Fact]
    public async Task Operators_list_tenants_and_suspend_and_resume_them()
    {
        var tenant = await factory.CreateTenantAsync();
        using var ops = new BrowserClient(factory);
        await ops.SignInOperatorAsync();
        var list = await ops.GetPageAsync("/platform");
        Assert.Contains(tenant.Slug, list, StringComparison.Ordinal);

        using (var suspend = await ops.PostFormAsync("/platform", new Dictionary<string, string> { ["id"] = tenant.Info.Id }, "/platform?handler=Suspend"))
        {
            Assert.Equal(HttpStatusCode.Redirect, suspend.StatusCode);
        }

        using var visitor = new BrowserClient(factory);
        using (var suspended = await visitor.GetAsync($"/{tenant.Slug}"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, suspended.StatusCode);
            Assert.Contains("Account suspended", await suspended.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (await ops.PostFormAsync("/platform", new Dictionary<string, string> { ["id"] = tenant.Info.Id }, "/platform?handler=Resume"))
        {
        }

        using var resumed = await visitor.GetAsync($"/{tenant.Slug}");
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
    }

    [Fact]
    public async Task The_job_dashboard_is_for_operators_only()
    {
        var tenant = await factory.CreateTenantAsync();
        using var owner = new BrowserClient(factory);
        await owner.SignInStaffAsync(tenant.Slug, tenant.OwnerEmail);
        using (var refused = await owner.GetAsync("/hangfire"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using var ops = new BrowserClient(factory);
        await ops.SignInOperatorAsync();
        using var allowed = await ops.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task Unknown_tenants_get_a_404_page()
    {
        using var visitor = new BrowserClient(factory);
        using var response = await visitor.GetAsync("/no-such-shop/admin");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("We could not find that page", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
