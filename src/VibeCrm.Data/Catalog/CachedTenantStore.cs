using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using VibeCrm.Tenancy;

namespace VibeCrm.Data.Catalog;

/// <summary>
/// Tenant lookups over the catalog, cached briefly. Another instance's change (suspend, resume) is seen within
/// <see cref="TenancyOptions.CacheDuration"/>; this instance's own changes are seen at once through <see cref="Invalidate"/>.
/// </summary>
public sealed class CachedTenantStore(
    IDbContextFactory<CatalogDbContext> catalog,
    IMemoryCache cache,
    IOptions<TenancyOptions> options) : ITenantStore
{
    public async Task<TenantInfo?> FindByIdentifierAsync(string identifier, CancellationToken cancellationToken)
    {
        var key = IdentifierKey(identifier);
        if (cache.TryGetValue(key, out TenantInfo? cached))
        {
            return cached;
        }

        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        var normalized = identifier.ToLowerInvariant();
        var tenant = await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Identifier == normalized, cancellationToken);
        var info = tenant?.ToInfo();
        // An unknown slug is remembered only briefly: it may be signed up any second.
        cache.Set(key, info, info is null ? TimeSpan.FromSeconds(2) : options.Value.CacheDuration);
        return info;
    }

    public async Task<TenantInfo?> FindByIdAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        var tenant = await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        return tenant?.ToInfo();
    }

    public async Task<IReadOnlyList<TenantInfo>> ListActiveAsync(CancellationToken cancellationToken)
    {
        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        var tenants = await db.Tenants.AsNoTracking()
            .Where(t => t.State == TenantState.Active)
            .OrderBy(t => t.Identifier)
            .ToListAsync(cancellationToken);
        return [.. tenants.Select(t => t.ToInfo())];
    }

    public void Invalidate(TenantInfo tenant) => cache.Remove(IdentifierKey(tenant.Identifier));

    private static string IdentifierKey(string identifier) => "tenant:" + identifier.ToLowerInvariant();
}
