using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Catalog;
using VibeCrm.Data.Tenants;

namespace VibeCrm.IntegrationTests.Web;

/// <summary>Fails when an entity changed without a migration, for each provider.</summary>
public sealed class MigrationTests
{
    public static TheoryData<string> Contexts => new() { "Sqlite/Catalog", "Sqlite/Tenant", "SqlServer/Catalog", "SqlServer/Tenant" };

    [Theory]
    [MemberData(nameof(Contexts))]
    public void The_model_has_no_changes_without_a_migration(string which)
    {
        using DbContext context = which switch
        {
            "Sqlite/Catalog" => new VibeCrm.Migrations.Sqlite.CatalogFactory().CreateDbContext([]),
            "Sqlite/Tenant" => new VibeCrm.Migrations.Sqlite.TenantFactory().CreateDbContext([]),
            "SqlServer/Catalog" => new VibeCrm.Migrations.SqlServer.CatalogFactory().CreateDbContext([]),
            _ => new VibeCrm.Migrations.SqlServer.TenantFactory().CreateDbContext([]),
        };
        Assert.NotEmpty(context.Database.GetMigrations());
        Assert.False(context.Database.HasPendingModelChanges(), $"{which}: the model has changes that no migration captures. Add a migration for this provider.");
        _ = typeof(CatalogDbContext);
        _ = typeof(TenantDbContext);
    }
}
