namespace VibeCrm.Tenancy;

/// <summary>The tenant of the current logical flow (request, job, migration).</summary>
public interface ITenantContextAccessor
{
    TenantInfo? Current { get; }

    /// <summary>Makes <paramref name="tenant"/> current until the returned scope is disposed.</summary>
    IDisposable BeginScope(TenantInfo? tenant);
}

/// <summary>AsyncLocal-backed accessor; a singleton.</summary>
public sealed class TenantContextAccessor : ITenantContextAccessor
{
    private static readonly AsyncLocal<TenantHolder?> Holder = new();

    public TenantInfo? Current => Holder.Value?.Tenant;

    public IDisposable BeginScope(TenantInfo? tenant)
    {
        var previous = Holder.Value;
        Holder.Value = new TenantHolder(tenant);
        return new Scope(previous);
    }

    private sealed record TenantHolder(TenantInfo? Tenant);

    private sealed class Scope(TenantHolder? previous) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            Holder.Value = previous;
        }
    }
}

public static class TenantContextAccessorExtensions
{
    /// <summary>The current tenant, or an exception: for code that must never run outside a tenant.</summary>
    public static TenantInfo RequireTenant(this ITenantContextAccessor accessor) =>
        accessor.Current ?? throw new InvalidOperationException("No tenant is in scope. Tenant data can only be reached inside a tenant scope.");
}
