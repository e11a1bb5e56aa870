using Microsoft.Extensions.DependencyInjection;
using VibeCrm.IntegrationTests.Infrastructure;
using VibeCrm.IntegrationTests.Loyalty;
using VibeCrm.Tenancy;
using VibeCrm.Web.Infrastructure.Web;

namespace VibeCrm.IntegrationTests.Web;

/// <summary>Links that need no login: bound to purpose and tenant, tamper-evident, expiring.</summary>
public sealed class SignedLinkTests(VibeCrmFactory factory) : IClassFixture<VibeCrmFactory>
{
    [Fact]
    public async Task A_token_reads_back_only_for_its_purpose_and_tenant_and_not_when_tampered()
    {
        var a = await factory.CreateTenantAsync();
        var b = await factory.CreateTenantAsync();
        var links = factory.Services.GetRequiredService<SignedLinks>();
        var accessor = factory.Services.GetRequiredService<ITenantContextAccessor>();

        string token;
        using (accessor.BeginScope(a.Info))
        {
            token = links.Create("survey", "42:7", TimeSpan.FromDays(1));
            Assert.Equal(new SignedLinkRead(SignedLinkStatus.Valid, "42:7"), links.Read("survey", token));
            Assert.Equal(SignedLinkStatus.Invalid, links.Read("review", token).Status);
            var flipped = token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1];
            Assert.Equal(SignedLinkStatus.Invalid, links.Read("survey", flipped).Status);
            Assert.Equal(SignedLinkStatus.Invalid, links.Read("survey", "").Status);
        }

        using (accessor.BeginScope(b.Info))
        {
            Assert.Equal(SignedLinkStatus.Invalid, links.Read("survey", token).Status);
        }
    }

    [Fact]
    public async Task A_token_expires()
    {
        var tenant = await factory.CreateTenantAsync();
        var clock = new TestClock();
        var links = new SignedLinks(factory.Services.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>(), factory.Services.GetRequiredService<ITenantContextAccessor>(), clock);
        using (factory.Services.GetRequiredService<ITenantContextAccessor>().BeginScope(tenant.Info))
        {
            var token = links.Create("survey", "1", TimeSpan.FromHours(2));
            clock.Advance(TimeSpan.FromHours(1));
            Assert.True(links.Read("survey", token).IsValid);
            clock.Advance(TimeSpan.FromHours(1));
            Assert.Equal(SignedLinkStatus.Expired, links.Read("survey", token).Status);
        }
    }
}
