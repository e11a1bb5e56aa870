using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace VibeCrm.Tenancy;

public static class TenancyServiceCollectionExtensions
{
    /// <summary>Registers the accessor and the strategies. The store is registered by the data layer.</summary>
    public static IServiceCollection AddTenancy(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<TenancyOptions>(configuration.GetSection(TenancyOptions.Section));
        services.AddSingleton<ITenantContextAccessor, TenantContextAccessor>();
        services.AddSingleton<ITenantResolutionStrategy, RouteTenantStrategy>();
        return services;
    }

    /// <summary>Before routing: host-to-path mapping, when a host suffix is configured.</summary>
    public static IApplicationBuilder UseTenantHostMapping(this IApplicationBuilder app, IConfiguration configuration)
    {
        var suffix = configuration[$"{TenancyOptions.Section}:{nameof(TenancyOptions.HostSuffix)}"];
        return string.IsNullOrWhiteSpace(suffix) ? app : app.UseMiddleware<HostTenantPathMiddleware>(suffix);
    }

    /// <summary>After routing, before authentication.</summary>
    public static IApplicationBuilder UseTenantResolution(this IApplicationBuilder app) =>
        app.UseMiddleware<TenantResolutionMiddleware>();
}
