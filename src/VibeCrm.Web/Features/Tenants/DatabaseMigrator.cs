using Microsoft.EntityFrameworkCore;
using VibeCrm.Data;
using VibeCrm.Data.Catalog;
using VibeCrm.Data.Tenants;
using VibeCrm.Tenancy;

namespace VibeCrm.Web.Features.Tenants;

/// <summary>
/// Brings the catalog and every tenant database up to date. One failing tenant does not stop the others:
/// it is marked <see cref="TenantState.Failed"/> with the error, and retried on the next start.
/// </summary>
public sealed partial class DatabaseMigrator(
    IDbContextFactory<CatalogDbContext> catalog,
    TenantDbContextFactory tenantDbs,
    DatabaseLocator locator,
    ITenantStore store,
    TimeProvider clock,
    ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateCatalogAsync(CancellationToken cancellationToken)
    {
        locator.EnsureFolders();
        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        if (locator.Provider == DatabaseProvider.Sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    /// <summary>Migrates every active or previously failed tenant. Returns how many failed.</summary>
    public async Task<int> MigrateTenantsAsync(CancellationToken cancellationToken)
    {
        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        var tenants = await db.Tenants
            .Where(t => t.State == TenantState.Active || t.State == TenantState.Suspended || t.State == TenantState.Failed)
            .ToListAsync(cancellationToken);
        var failures = 0;
        foreach (var tenant in tenants)
        {
            if (!await MigrateTenantAsync(db, tenant, cancellationToken))
            {
                failures++;
            }
        }

        return failures;
    }

    private async Task<bool> MigrateTenantAsync(CatalogDbContext db, Tenant tenant, CancellationToken cancellationToken)
    {
        try
        {
            await using (var tenantDb = tenantDbs.Create(tenant.ToInfo()))
            {
                await tenantDb.Database.MigrateAsync(cancellationToken);
            }

            if (tenant.State == TenantState.Failed && tenant.LastError?.StartsWith(MigrationFailed, StringComparison.Ordinal) == true)
            {
                tenant.State = TenantState.Active;
                tenant.LastError = null;
                tenant.StateChangedAt = clock.GetUtcNow();
                await db.SaveChangesAsync(cancellationToken);
                store.Invalidate(tenant.ToInfo());
            }

            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, ex, tenant.Identifier);
            if (tenant.State != TenantState.Suspended)
            {
                tenant.State = TenantState.Failed;
            }

            tenant.LastError = MigrationFailed + ex.Message;
            tenant.StateChangedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            store.Invalidate(tenant.ToInfo());
            return false;
        }
    }

    private const string MigrationFailed = "Migration failed: ";

    [LoggerMessage(Level = LogLevel.Error, Message = "Migrating tenant {Tenant} failed; it is marked Failed and the others go on")]
    private static partial void LogFailed(ILogger logger, Exception ex, string tenant);
}
