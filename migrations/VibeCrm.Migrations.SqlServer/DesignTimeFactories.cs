using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using VibeCrm.Data;
using VibeCrm.Data.Catalog;
using VibeCrm.Data.Tenants;

namespace VibeCrm.Migrations.SqlServer;

/// <summary>Lets the EF tools build the models for this provider without running the app or reaching a server.</summary>
public sealed class CatalogFactory : IDesignTimeDbContextFactory<CatalogDbContext>
{
    public CatalogDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CatalogDbContext>().UseSqlServer("Server=design-time;Database=design-time;Trusted_Connection=True;TrustServerCertificate=True", o => o.MigrationsAssembly(DatabaseLocator.SqlServerMigrations)).Options);
}

public sealed class TenantFactory : IDesignTimeDbContextFactory<TenantDbContext>
{
    public TenantDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<TenantDbContext>().UseSqlServer("Server=design-time;Database=design-time;Trusted_Connection=True;TrustServerCertificate=True", o => o.MigrationsAssembly(DatabaseLocator.SqlServerMigrations)).Options);
}
