using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using VibeCrm.Data;
using VibeCrm.Data.Catalog;
using VibeCrm.Data.Identity;
using VibeCrm.Data.Tenants;
using VibeCrm.Tenancy;

namespace VibeCrm.Web.Features.Tenants;

public sealed record NewTenant(string Name, string Identifier, string OwnerEmail, string OwnerPassword, string OwnerFirstName, string OwnerLastName, string TimeZoneId, string Currency);

/// <summary>The outcome of provisioning: the tenant and its owner, or errors keyed by field.</summary>
public sealed record ProvisioningResult(TenantInfo? Tenant, string? OwnerId, IReadOnlyDictionary<string, string> Errors)
{
    public bool Succeeded => Tenant is not null;

    public static ProvisioningResult Fail(string field, string message) => new(null, null, new Dictionary<string, string> { [field] = message });
}

/// <summary>
/// Creates a tenant: catalog row (Provisioning) → database created and migrated → roles and owner → Active.
/// If any step fails, the database and the row are removed, so a half tenant never looks active.
/// </summary>
public sealed partial class TenantProvisioner(
    IDbContextFactory<CatalogDbContext> catalog,
    TenantDbContextFactory tenantDbs,
    DatabaseLocator locator,
    ITenantContextAccessor accessor,
    ITenantStore store,
    IServiceProvider services,
    TimeProvider clock,
    ILogger<TenantProvisioner> logger)
{
    public async Task<ProvisioningResult> ProvisionAsync(NewTenant request, CancellationToken cancellationToken)
    {
        var identifier = request.Identifier.Trim().ToLowerInvariant();
        if (SlugRules.Validate(identifier) is { } slugError)
        {
            return ProvisioningResult.Fail(nameof(NewTenant.Identifier), slugError);
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(request.TimeZoneId, out _))
        {
            return ProvisioningResult.Fail(nameof(NewTenant.TimeZoneId), "Choose a time zone from the list.");
        }

        var tenant = new Tenant
        {
            Identifier = identifier,
            Name = request.Name.Trim(),
            TimeZoneId = request.TimeZoneId,
            Currency = request.Currency.ToUpperInvariant(),
            State = TenantState.Provisioning,
            CreatedAt = clock.GetUtcNow(),
            DatabaseName = "t_" + identifier.Replace('-', '_') + "_" + Guid.NewGuid().ToString("N")[..8],
        };

        await using (var db = await catalog.CreateDbContextAsync(cancellationToken))
        {
            if (await db.Tenants.AnyAsync(t => t.Identifier == identifier, cancellationToken))
            {
                return ProvisioningResult.Fail(nameof(NewTenant.Identifier), $"“{identifier}” is already taken. Please choose another URL name.");
            }

            db.Tenants.Add(tenant);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                return ProvisioningResult.Fail(nameof(NewTenant.Identifier), $"“{identifier}” is already taken. Please choose another URL name.");
            }
        }

        try
        {
            var ownerId = await CreateDatabaseAndOwnerAsync(tenant, request, cancellationToken);
            await SetStateAsync(tenant.Id, TenantState.Active, null, cancellationToken);
            tenant.State = TenantState.Active;
            store.Invalidate(tenant.ToInfo());
            LogProvisioned(logger, tenant.Identifier);
            return new ProvisioningResult(tenant.ToInfo(), ownerId, new Dictionary<string, string>());
        }
        catch (OwnerRejectedException rejected)
        {
            await RemoveAsync(tenant);
            return new ProvisioningResult(null, null, rejected.Errors);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, ex, tenant.Identifier);
            await RemoveAsync(tenant);
            return ProvisioningResult.Fail("", "We could not set up your account just now. Nothing was saved; please try again in a minute.");
        }
    }

    private async Task<string> CreateDatabaseAndOwnerAsync(Tenant tenant, NewTenant request, CancellationToken cancellationToken)
    {
        locator.EnsureFolders();
        var info = tenant.ToInfo();
        await using (var db = tenantDbs.Create(info, allowCreate: true))
        {
            await db.Database.MigrateAsync(cancellationToken);
            if (locator.Provider == DatabaseProvider.Sqlite)
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
        }

        using var tenantScope = accessor.BeginScope(info);
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            await roles.CreateAsync(new IdentityRole(role));
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var owner = new AppUser
        {
            Kind = AccountKind.Staff,
            UserName = AppUser.UserNameFor(AccountKind.Staff, request.OwnerEmail),
            Email = request.OwnerEmail.Trim(),
            FirstName = request.OwnerFirstName.Trim(),
            LastName = request.OwnerLastName.Trim(),
            CreatedAt = clock.GetUtcNow(),
        };
        var created = await users.CreateAsync(owner, request.OwnerPassword);
        if (!created.Succeeded)
        {
            throw new OwnerRejectedException(created.Errors
                .GroupBy(e => e.Code.Contains("Password", StringComparison.Ordinal) ? nameof(NewTenant.OwnerPassword) : nameof(NewTenant.OwnerEmail), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => string.Join(" ", g.Select(e => e.Description)), StringComparer.Ordinal));
        }

        await users.AddToRoleAsync(owner, Roles.Owner);
        return owner.Id;
    }

    private async Task SetStateAsync(string tenantId, TenantState state, string? error, CancellationToken cancellationToken)
    {
        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        await db.Tenants.Where(t => t.Id == tenantId).ExecuteUpdateAsync(
            s => s.SetProperty(t => t.State, state).SetProperty(t => t.LastError, error).SetProperty(t => t.StateChangedAt, clock.GetUtcNow()),
            cancellationToken);
    }

    /// <summary>Undo a failed provisioning. If even that fails, the row stays in Provisioning with the error, visible to operators.</summary>
    private async Task RemoveAsync(Tenant tenant)
    {
        try
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (locator.Provider == DatabaseProvider.Sqlite)
            {
                foreach (var suffix in new[] { "", "-wal", "-shm" })
                {
                    File.Delete(locator.TenantFile(tenant.DatabaseName) + suffix);
                }
            }
            else
            {
                await using var db = tenantDbs.Create(tenant.ToInfo());
                await db.Database.EnsureDeletedAsync();
            }

            await using var catalogDb = await catalog.CreateDbContextAsync();
            await catalogDb.Tenants.Where(t => t.Id == tenant.Id).ExecuteDeleteAsync();
        }
        catch (Exception ex)
        {
            LogCleanupFailed(logger, ex, tenant.Identifier);
            await SetStateAsync(tenant.Id, TenantState.Failed, "Provisioning failed and could not be cleaned up: " + ex.Message, CancellationToken.None);
        }
    }

    private sealed class OwnerRejectedException(IReadOnlyDictionary<string, string> errors) : Exception("The owner account was rejected.")
    {
        public IReadOnlyDictionary<string, string> Errors { get; } = errors;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {Tenant} provisioned")]
    private static partial void LogProvisioned(ILogger logger, string tenant);

    [LoggerMessage(Level = LogLevel.Error, Message = "Provisioning tenant {Tenant} failed; rolling back")]
    private static partial void LogFailed(ILogger logger, Exception ex, string tenant);

    [LoggerMessage(Level = LogLevel.Error, Message = "Cleaning up failed tenant {Tenant} failed")]
    private static partial void LogCleanupFailed(ILogger logger, Exception ex, string tenant);
}
