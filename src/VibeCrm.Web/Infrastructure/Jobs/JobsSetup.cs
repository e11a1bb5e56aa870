using Hangfire;
using Hangfire.Common;
using Hangfire.SqlServer;
using Hangfire.Storage.SQLite;
using VibeCrm.Data;
using VibeCrm.Tenancy;

namespace VibeCrm.Web.Infrastructure.Jobs;

public static class JobsSetup
{
    /// <summary>
    /// Hangfire on SQLite (embedded default) or SQL Server, with the tenant filter and activator.
    /// Storage, activator and filters are registered in this container, not in Hangfire's static globals,
    /// so two hosts in one process (tests) never run each other's jobs.
    /// </summary>
    public static IServiceCollection AddVibeCrmJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<TenantJobFilter>();
        services.AddTransient<TenantFanOut>();
        services.AddSingleton<JobStorage>(sp => CreateStorage(sp.GetRequiredService<DatabaseLocator>()));
        services.AddSingleton<JobActivator>(sp => new TenantJobActivator(
            sp.GetRequiredService<IServiceScopeFactory>(),
            sp.GetRequiredService<ITenantContextAccessor>(),
            sp.GetRequiredService<ITenantStore>()));
        services.AddSingleton<IJobFilterProvider>(sp => new JobFilterProviderCollection(
            JobFilterProviders.Providers,
            new JobFilterCollection { sp.GetRequiredService<TenantJobFilter>() }));
        services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());

        if (configuration.GetValue("Jobs:RunServer", true))
        {
            services.AddHangfireServer(o =>
            {
                o.WorkerCount = configuration.GetValue("Jobs:WorkerCount", Math.Max(2, Environment.ProcessorCount * 2));
                o.SchedulePollingInterval = TimeSpan.FromSeconds(1);
            });
        }

        return services;
    }

    private static JobStorage CreateStorage(DatabaseLocator locator)
    {
        if (locator.Provider == DatabaseProvider.Sqlite)
        {
            locator.EnsureFolders();
            return new SQLiteStorage(locator.JobsConnectionString, new SQLiteStorageOptions { QueuePollInterval = TimeSpan.FromSeconds(1) });
        }

        return new SqlServerStorage(locator.JobsConnectionString, new SqlServerStorageOptions
        {
            PrepareSchemaIfNecessary = true,
            QueuePollInterval = TimeSpan.FromSeconds(1),
            SchemaName = "jobs",
        });
    }
}
