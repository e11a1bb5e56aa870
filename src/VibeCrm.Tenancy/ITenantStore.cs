namespace VibeCrm.Tenancy;

/// <summary>Looks tenants up by slug or id. Implementations cache; <see cref="Invalidate"/> drops an entry after a change.</summary>
public interface ITenantStore
{
    Task<TenantInfo?> FindByIdentifierAsync(string identifier, CancellationToken cancellationToken);

    Task<TenantInfo?> FindByIdAsync(string id, CancellationToken cancellationToken);

    Task<IReadOnlyList<TenantInfo>> ListActiveAsync(CancellationToken cancellationToken);

    void Invalidate(TenantInfo tenant);
}
