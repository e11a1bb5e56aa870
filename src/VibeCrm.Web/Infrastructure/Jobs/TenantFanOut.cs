using Hangfire;
using VibeCrm.Tenancy;

namespace VibeCrm.Web.Infrastructure.Jobs;

/// <summary>A unit of per-tenant work. It runs inside the tenant's scope, so it simply asks for the tenant's services.</summary>
public interface ITenantJob
{
    Task RunAsync(CancellationToken cancellationToken);
}

/// <summary>Recurring work: one recurring job lists the active tenants and enqueues the per-tenant job for each.</summary>
public sealed partial class TenantFanOut(
    ITenantStore store,
    ITenantContextAccessor accessor,
    IBackgroundJobClient jobs,
    ILogger<TenantFanOut> logger)
{
    /// <summary>Enqueues <typeparamref name="TJob"/> once per active tenant, each inside that tenant's scope.</summary>
    public async Task<int> EnqueueForEachTenantAsync<TJob>(CancellationToken cancellationToken)
        where TJob : ITenantJob
    {
        var tenants = await store.ListActiveAsync(cancellationToken);
        foreach (var tenant in tenants)
        {
            using (accessor.BeginScope(tenant))
            {
                jobs.Enqueue<TJob>(job => job.RunAsync(CancellationToken.None));
            }
        }

        LogFannedOut(logger, typeof(TJob).Name, tenants.Count);
        return tenants.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Job} enqueued for {Count} tenants")]
    private static partial void LogFannedOut(ILogger logger, string job, int count);
}

public static class RecurringTenantJobs
{
    /// <summary>Registers <typeparamref name="TJob"/> to run for every active tenant on <paramref name="cron"/>.</summary>
    public static void AddOrUpdateForEachTenant<TJob>(this IRecurringJobManager manager, string id, string cron)
        where TJob : ITenantJob =>
        manager.AddOrUpdate<TenantFanOut>(id, f => f.EnqueueForEachTenantAsync<TJob>(CancellationToken.None), cron);
}
