using Hangfire;
using Microsoft.Extensions.Options;
using VibeCrm.Web.Features.Demo;
using VibeCrm.Web.Features.Loyalty;
using VibeCrm.Web.Features.Loyalty.Portal;
using VibeCrm.Web.Features.Members;
using VibeCrm.Web.Features.Platform;
using VibeCrm.Web.Features.PosApi;
using VibeCrm.Web.Features.Sentiment;
using VibeCrm.Web.Infrastructure.Jobs;

namespace VibeCrm.Web.Features.Tenants;

/// <summary>
/// Runs before the server takes requests: migrate the catalog and the tenants, create the configured operators,
/// create the demo merchant, register recurring jobs. Safe to run on every instance at every start.
/// </summary>
public sealed partial class StartupTasks(
    IServiceProvider services,
    IConfiguration configuration,
    IOptions<DemoOptions> demo,
    ILogger<StartupTasks> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var migrator = sp.GetRequiredService<DatabaseMigrator>();
        await migrator.MigrateCatalogAsync(cancellationToken);
        var failed = await migrator.MigrateTenantsAsync(cancellationToken);
        if (failed > 0)
        {
            LogTenantsFailed(logger, failed);
        }

        var seeds = configuration.GetSection("Platform:Operators").Get<OperatorSeed[]>() ?? [];
        await sp.GetRequiredService<OperatorAccounts>().SeedAsync(seeds, cancellationToken);

        sp.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdateForEachTenant<PurgeUnconfirmedMembersJob>("purge-unconfirmed-members", Cron.Daily(3));
        sp.GetRequiredService<IRecurringJobManager>().AddSentimentRecurringJobs();
        sp.GetRequiredService<IRecurringJobManager>().AddPosApiRecurringJobs();
        sp.GetRequiredService<IRecurringJobManager>().AddLoyaltyRecurringJobs().AddLoyaltyPortalRecurringJobs();

        if (demo.Value.Enabled)
        {
            var logins = await sp.GetRequiredService<DemoSeeder>().EnsureAsync(cancellationToken);
            var baseUrl = configuration["urls"]?.Split(';')[0] ?? "http://localhost:5000";
            LogDemo(logger, $"{baseUrl}/{demo.Value.Identifier}/admin", $"{baseUrl}/{demo.Value.Identifier}", $"{baseUrl}/platform",
                string.Join(", ", logins.Select(l => $"{l.Role}: {l.Email} / {l.Password}")));
        }

    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} tenant(s) failed to migrate; they are marked Failed and shown to operators")]
    private static partial void LogTenantsFailed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo merchant ready. Back office: {Admin} · Member portal: {Portal} · Platform: {Platform} · Logins: {Logins}")]
    private static partial void LogDemo(ILogger logger, string admin, string portal, string platform, string logins);
}
