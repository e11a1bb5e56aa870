using VibeCrm.Web.Features.Audit;
using VibeCrm.Web.Features.Customers.Timeline;

namespace VibeCrm.Web.Features.Customers;

public static class CustomerProfileFeature
{
    /// <summary>The customer 360° page: timeline, consent, merge, GDPR export and erasure, audit trail.</summary>
    public static IServiceCollection AddCustomerProfileFeature(this IServiceCollection services)
    {
        services.AddScoped<CustomerProfileQueries>();
        services.AddScoped<ConsentService>();
        services.AddScoped<CustomerMergeService>();
        services.AddScoped<CustomerPrivacyService>();
        services.AddScoped<AuditQueries>();

        // Timeline sources; other modules register theirs (purchases, points, feedback, campaigns) the same way.
        services.AddScoped<TimelineService>();
        services.AddScoped<InteractionTimelineSource>();
        services.AddScoped<ITimelineSource>(sp => sp.GetRequiredService<InteractionTimelineSource>());
        services.AddScoped<ITimelineSource, ConsentTimelineSource>();
        services.AddScoped<ITimelineSource, OpportunityTimelineSource>();
        services.AddScoped<ITimelineSource, AuditTimelineSource>();
        return services;
    }
}
