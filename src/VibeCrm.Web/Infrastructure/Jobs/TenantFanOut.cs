using System.Linq.Expressions;
using Hangfire;
using VibeCrm.Tenancy;

namespace VibeCrm.Web.Infrastructure.Jobs;

/// <summary>Recurring work: one recurring job lists the active tenants and enqueues the per-tenant job for each.</summary>
public sealed partial class TenantFanOut(
    ITenantStore store,
    ITenantContextAccessor accessor,
    IBackgroundJobClient jobs,
    ILogger<TenantFanOut> logger)
{
    /// <summary>Enqueues <paramref name="job"/> once per active tenant, each inside that tenant's scope.</summary>
    public async Task<int> EnqueueForEachTenantAsync<TJob>(Expression<Func<TJob, Task>> job, CancellationToken cancellationToken)
    {
        var tenants = await store.ListActiveAsync(cancellationToken);
        foreach (var tenant in tenants)
        {
            using (accessor.BeginScope(tenant))
            {
                jobs.Enqueue(job);
            }
        }

        LogFannedOut(logger, typeof(TJob).Name, tenants.Count);
        return tenants.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Job} enqueued for {Count} tenants")]
    private static partial void LogFannedOut(ILogger logger, string job, int count);
}
