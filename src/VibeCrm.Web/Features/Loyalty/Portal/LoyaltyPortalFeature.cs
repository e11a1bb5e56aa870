using Hangfire;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VibeCrm.Web.Features.Loyalty.Portal.Emails;
using VibeCrm.Web.Infrastructure.Email;
using VibeCrm.Web.Infrastructure.Jobs;

namespace VibeCrm.Web.Features.Loyalty.Portal;

public static class LoyaltyPortalFeature
{
    /// <summary>The member portal's loyalty pages, referral codes and the loyalty emails. After <c>AddLoyaltyFeature()</c>.</summary>
    public static IServiceCollection AddLoyaltyPortalFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PortalOptions>(configuration.GetSection(PortalOptions.Section));
        services.AddScoped<MemberLoyaltyQueries>();
        services.AddScoped<MemberLoyaltyService>();
        services.AddScoped<ReferralCodes>();
        services.AddScoped<LoyaltyEmailSender>();
        services.AddScoped<LoyaltyEmailJob>();
        services.AddScoped<ExpiringPointsWarningJob>();
        services.Replace(ServiceDescriptor.Scoped<ILoyaltyEvents, LoyaltyEmailTriggers>());
        services.AddSingleton(new EmailTemplateModel(typeof(LoyaltyEmailModel)));
        services.AddSingleton(new EmailTemplateModel(typeof(LoyaltyEmailLine)));
        return services;
    }

    /// <summary>The daily points-expiring warning, fanned out to every active tenant.</summary>
    public static IRecurringJobManager AddLoyaltyPortalRecurringJobs(this IRecurringJobManager manager)
    {
        ArgumentNullException.ThrowIfNull(manager);
        manager.AddOrUpdateForEachTenant<ExpiringPointsWarningJob>("loyalty-points-expiring-warning", Cron.Daily(9));
        return manager;
    }
}
