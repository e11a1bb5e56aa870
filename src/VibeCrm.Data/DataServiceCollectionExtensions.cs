using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VibeCrm.Data.Catalog;
using VibeCrm.Data.Tenants;
using VibeCrm.Tenancy;

namespace VibeCrm.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>Catalog and tenant databases, the tenant store and data-protection keys in the catalog.</summary>
    public static IServiceCollection AddVibeCrmData(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        services.AddSingleton(sp => new DatabaseLocator(sp.GetRequiredService<IOptions<DatabaseOptions>>(), contentRoot));
        services.AddDbContextFactory<CatalogDbContext>((sp, o) =>
        {
            var locator = sp.GetRequiredService<DatabaseLocator>();
            locator.Configure(o, locator.CatalogConnectionString);
        });

        // The tenant's context takes its connection from the tenant in scope and fails loudly without one.
        services.AddDbContext<TenantDbContext>((sp, o) =>
        {
            var tenant = sp.GetRequiredService<ITenantContextAccessor>().RequireTenant();
            var locator = sp.GetRequiredService<DatabaseLocator>();
            locator.Configure(o, locator.TenantConnectionString(tenant.DatabaseName));
            o.AddInterceptors(sp.GetRequiredService<AuditInterceptor>());
            o.AddInterceptors(sp.GetServices<ITenantDbInterceptor>());
        });
        services.AddScoped<AuditInterceptor>();
        services.TryAddScoped<IAuditActor, SystemAuditActor>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<TenantDbContextFactory>();
        services.AddMemoryCache();
        services.AddSingleton<ITenantStore, CachedTenantStore>();

        services.AddDataProtection()
            .SetApplicationName("VibeCrm")
            .PersistKeysToDbContext<CatalogDbContext>();
        return services;
    }
}
