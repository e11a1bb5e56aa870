using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Catalog;
using VibeCrm.Tenancy;

namespace VibeCrm.Web.Features.Tenants;

public sealed record TenantRow(string Id, string Identifier, string Name, TenantState State, DateTimeOffset CreatedAt, DateTimeOffset? StateChangedAt, string? LastError);

/// <summary>The operators' view of the tenants: list, suspend, resume.</summary>
public sealed class TenantDirectory(IDbContextFactory<CatalogDbContext> catalog, ITenantStore store, TimeProvider clock)
{
    public async Task<IReadOnlyList<TenantRow>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        var rows = await db.Tenants.AsNoTracking()
            .OrderBy(t => t.Identifier)
            .Select(t => new TenantRow(t.Id, t.Identifier, t.Name, t.State, t.CreatedAt, t.StateChangedAt, t.LastError))
            .ToListAsync(cancellationToken);
        return rows;
    }

    public Task<bool> SuspendAsync(string id, CancellationToken cancellationToken) =>
        ChangeStateAsync(id, TenantState.Active, TenantState.Suspended, cancellationToken);

    public Task<bool> ResumeAsync(string id, CancellationToken cancellationToken) =>
        ChangeStateAsync(id, TenantState.Suspended, TenantState.Active, cancellationToken);

    private async Task<bool> ChangeStateAsync(string id, TenantState from, TenantState to, CancellationToken cancellationToken)
    {
        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        var tenant = await db.Tenants.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (tenant is null || tenant.State != from)
        {
            return false;
        }

        tenant.State = to;
        tenant.StateChangedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        store.Invalidate(tenant.ToInfo());
        return true;
    }
}
