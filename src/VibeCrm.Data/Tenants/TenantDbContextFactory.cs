using Microsoft.EntityFrameworkCore;
using VibeCrm.Tenancy;

namespace VibeCrm.Data.Tenants;

/// <summary>Opens a tenant's database explicitly, for infrastructure that works across tenants (migrator, provisioning, jobs).</summary>
public sealed class TenantDbContextFactory(DatabaseLocator locator)
{
    public TenantDbContext Create(TenantInfo tenant, bool allowCreate = false)
    {
        var builder = new DbContextOptionsBuilder<TenantDbContext>();
        locator.Configure(builder, locator.TenantConnectionString(tenant.DatabaseName, allowCreate));
        return new TenantDbContext(builder.Options);
    }
}
