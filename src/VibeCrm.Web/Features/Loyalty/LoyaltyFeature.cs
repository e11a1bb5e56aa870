using Hangfire;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VibeCrm.Web.Infrastructure.Jobs;

namespace VibeCrm.Web.Features.Loyalty;

public static class LoyaltyFeature
{
    /// <summary>The loyalty engine: ledger, purchases, rewards, tiers and their jobs. Program.cs: <c>services.AddLoyaltyFeature();</c></summary>
    public static IServiceCollection AddLoyaltyFeature(this IServiceCollection services)
    {
        services.TryAddSingleton<ILoyaltyEvents>(NoLoyaltyEvents.Instance);
        services.AddScoped<LedgerRunner>();
        services.AddSingleton<LoyaltyProgramCache>();
        services.AddScoped<LoyaltyRulesInterceptor>();
        services.AddScoped<Data.ITenantDbInterceptor>(sp => sp.GetRequiredService<LoyaltyRulesInterceptor>());
        services.AddScoped<LoyaltyLedger>();
        services.AddScoped<PurchaseRecorder>();
        services.AddScoped<RewardRedemptions>();
        services.AddScoped<TierService>();
        services.AddScoped<LedgerInvariants>();
        services.AddScoped<ReleasePendingPointsJob>();
        services.AddScoped<ExpirePointsJob>();
        services.AddScoped<TierDowngradeJob>();
        services.AddScoped<LedgerInvariantCheckJob>();
        services.AddLoyaltyBackOffice();
        return services;
    }

    /// <summary>
    /// The recurring loyalty jobs, fanned out to every active tenant. Call at start-up with the other recurring jobs:
    /// <c>sp.GetRequiredService&lt;IRecurringJobManager&gt;().AddLoyaltyRecurringJobs();</c>
    /// </summary>
    public static IRecurringJobManager AddLoyaltyRecurringJobs(this IRecurringJobManager manager)
    {
        ArgumentNullException.ThrowIfNull(manager);
        manager.AddOrUpdateForEachTenant<ReleasePendingPointsJob>("loyalty-release-pending", "10 * * * *");
        manager.AddOrUpdateForEachTenant<ExpirePointsJob>("loyalty-expire-points", "20 * * * *");
        manager.AddOrUpdateForEachTenant<TierDowngradeJob>("loyalty-tier-recalculation", Cron.Daily(2));
        manager.AddOrUpdateForEachTenant<LedgerInvariantCheckJob>("loyalty-ledger-invariants", Cron.Daily(4));
        return manager;
    }
}
