using Hangfire;
using Hangfire.SqlServer;
using Hangfire.Storage.SQLite;
using VibeCrm.Data;
using VibeCrm.Tenancy;

namespace VibeCrm.Web.Infrastructure.Jobs;

public static class JobsSetup
{
    /// <summary>Hangfire on SQLite (embedded default) or SQL Server, with the tenant filter and activator.</summary>
    public static IServiceCollection AddVibeCrmJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<TenantJobFilter>();
        services.AddTransient<TenantFanOut>();
        services.AddHangfire((sp, config) =>
        {
            var locator = sp.GetRequiredService<DatabaseLocator>();
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings()
                .UseFilter(sp.GetRequiredService<TenantJobFilter>())
                .UseActivator(new TenantJobActivator(
                    sp.GetRequiredService<IServiceScopeFactory>(),
                    sp.GetRequiredService<ITenantContextAccessor>(),
                    sp.GetRequiredService<ITenantStore>()));
            if (locator.Provider == DatabaseProvider.Sqlite)
            {
                locator.EnsureFolders();
                config.UseSQLiteStorage(locator.JobsConnectionString, new SQLiteStorageOptions
                {
                    QueuePollInterval = TimeSpan.FromSeconds(1),
                });
            }
            else
            {
                config.UseSqlServerStorage(locator.JobsConnectionString, new SqlServerStorageOptions
                {
                    PrepareSchemaIfNecessary = true,
                    QueuePollInterval = TimeSpan.FromSeconds(1),
                    SchemaName = "jobs",
                });
            }
        });

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
}
