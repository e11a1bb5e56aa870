using Microsoft.AspNetCore.Http;
using VibeCrm.Tenancy;

namespace VibeCrm.UnitTests.Tenancy;

public sealed class TenantResolutionTests
{
    private static readonly TenantInfo Cafe = new("id-1", "cafe", "Café", TenantState.Active, "UTC", "EUR", "t_cafe");
    private static readonly TenantInfo Shop = new("id-2", "shop", "Shop", TenantState.Active, "UTC", "EUR", "t_shop");

    [Theory]
    [InlineData("cafe.vibecrm.example", "vibecrm.example", "cafe")]
    [InlineData("CAFE.vibecrm.example", "vibecrm.example", "cafe")]
    [InlineData("vibecrm.example", "vibecrm.example", null)]
    [InlineData("a.b.vibecrm.example", "vibecrm.example", null)]
    [InlineData("cafe.other.example", "vibecrm.example", null)]
    public void Host_strategy_takes_the_first_label_under_the_suffix(string host, string suffix, string? expected) =>
        Assert.Equal(expected, HostTenantStrategy.FromHost(host, suffix));

    [Fact]
    public async Task Host_mapping_puts_the_tenant_segment_in_front_of_the_path_once()
    {
        string? seen = null;
        var middleware = new HostTenantPathMiddleware(ctx => { seen = ctx.Request.Path; return Task.CompletedTask; }, "vibecrm.example");
        var context = new DefaultHttpContext();
        context.Request.Host = new HostString("cafe.vibecrm.example");
        context.Request.Path = "/admin/settings";
        await middleware.InvokeAsync(context);
        Assert.Equal("/cafe/admin/settings", seen);

        context.Request.Path = "/cafe/admin";
        await middleware.InvokeAsync(context);
        Assert.Equal("/cafe/admin", seen);
    }

    [Fact]
    public async Task Scopes_nest_and_restore_and_flow_into_async_code()
    {
        var accessor = new TenantContextAccessor();
        Assert.Null(accessor.Current);
        using (accessor.BeginScope(Cafe))
        {
            Assert.Equal(Cafe, accessor.Current);
            using (accessor.BeginScope(Shop))
            {
                await Task.Yield();
                Assert.Equal(Shop, accessor.Current);
            }

            Assert.Equal(Cafe, accessor.Current);
            var inTask = await Task.Run(() => accessor.Current);
            Assert.Equal(Cafe, inTask);
        }

        Assert.Null(accessor.Current);
        Assert.Throws<InvalidOperationException>(() => accessor.RequireTenant());
    }

    [Fact]
    public async Task Parallel_flows_do_not_see_each_other()
    {
        var accessor = new TenantContextAccessor();
        async Task<string?> RunAs(TenantInfo tenant)
        {
            using (accessor.BeginScope(tenant))
            {
                await Task.Delay(20);
                return accessor.Current?.Id;
            }
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => RunAs(i % 2 == 0 ? Cafe : Shop)));
        Assert.Equal(Enumerable.Range(0, 50).Select(i => i % 2 == 0 ? "id-1" : "id-2"), results);
    }
}
