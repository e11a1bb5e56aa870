using Hangfire.Client;
using Hangfire.Common;
using Hangfire.Server;
using VibeCrm.Tenancy;

namespace VibeCrm.Web.Infrastructure.Jobs;

/// <summary>
/// Client side: a job created inside a tenant scope carries that tenant's id as a job parameter.
/// Server side: a job whose tenant is no longer active (suspended, deleted) does not run.
/// The tenant scope itself is opened by <see cref="TenantJobActivator"/>, before the job's services are built.
/// </summary>
public sealed partial class TenantJobFilter(ITenantContextAccessor accessor, ITenantStore store, ILogger<TenantJobFilter> logger)
    : JobFilterAttribute, IClientFilter, IServerFilter
{
    public const string Parameter = "TenantId";

    public void OnCreating(CreatingContext context)
    {
        if (accessor.Current is { } tenant)
        {
            context.SetJobParameter(Parameter, tenant.Id);
        }
    }

    public void OnCreated(CreatedContext context)
    {
    }

    public void OnPerforming(PerformingContext context)
    {
        var tenantId = context.GetJobParameter<string>(Parameter);
        if (tenantId is null)
        {
            return;
        }

        var tenant = store.FindByIdAsync(tenantId, context.CancellationToken.ShutdownToken).GetAwaiter().GetResult();
        if (tenant is not { IsActive: true })
        {
            LogSkipped(logger, context.BackgroundJob.Id, tenantId);
            context.Canceled = true;
        }
    }

    public void OnPerformed(PerformedContext context)
    {
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} skipped: tenant {TenantId} is not active")]
    private static partial void LogSkipped(ILogger logger, string jobId, string tenantId);
}
