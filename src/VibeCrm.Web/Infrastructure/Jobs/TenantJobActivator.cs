using Hangfire;
using VibeCrm.Tenancy;

namespace VibeCrm.Web.Infrastructure.Jobs;

/// <summary>
/// Opens the job's tenant scope first, then the DI scope, so everything the job resolves (the tenant's
/// DbContext first of all) belongs to the tenant that enqueued it.
/// </summary>
public sealed class TenantJobActivator(IServiceScopeFactory scopes, ITenantContextAccessor accessor, ITenantStore store) : JobActivator
{
    public override JobActivatorScope BeginScope(JobActivatorContext context)
    {
        var tenantId = context.GetJobParameter<string>(TenantJobFilter.Parameter);
        var tenant = tenantId is null ? null : store.FindByIdAsync(tenantId, CancellationToken.None).GetAwaiter().GetResult();
        var tenantScope = accessor.BeginScope(tenant);
        return new Scope(scopes.CreateScope(), tenantScope);
    }

    private sealed class Scope(IServiceScope services, IDisposable tenantScope) : JobActivatorScope
    {
        public override object Resolve(Type type) => ActivatorUtilities.GetServiceOrCreateInstance(services.ServiceProvider, type);

        public override void DisposeScope()
        {
            services.Dispose();
            tenantScope.Dispose();
        }
    }
}
