using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using VibeCrm.Data;
using VibeCrm.Data.Catalog;
using VibeCrm.Data.Tenants;

namespace VibeCrm.Migrations.Sqlite;

/// <summary>Lets the EF tools build the models for this provider without running the app or reaching a server.</summary>
public sealed class CatalogFactory : IDesignTimeDbContextFactory<CatalogDbContext>
{
    public CatalogDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CatalogDbContext>().UseSqlite("Data Source=design-time.db", o => o.MigrationsAssembly(DatabaseLocator.SqliteMigrations)).Options);
}

public sealed class TenantFactory : IDesignTimeDbContextFactory<TenantDbContext>
{
    public TenantDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<TenantDbContext>().UseSqlite("Data Source=design-time.db", o => o.MigrationsAssembly(DatabaseLocator.SqliteMigrations)).Options);
}
