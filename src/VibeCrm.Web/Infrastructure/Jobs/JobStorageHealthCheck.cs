using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace VibeCrm.Web.Infrastructure.Jobs;

/// <summary>Ready when the job storage answers.</summary>
public sealed class JobStorageHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var stats = storage.GetMonitoringApi().GetStatistics();
            return Task.FromResult(HealthCheckResult.Healthy($"{stats.Servers} job server(s), {stats.Enqueued} enqueued"));
        }
        catch (Exception ex)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Job storage is not reachable.", ex));
        }
    }
}
