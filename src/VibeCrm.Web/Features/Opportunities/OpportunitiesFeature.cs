using VibeCrm.Web.Features.Opportunities;

namespace VibeCrm.Web.Features;

public static class OpportunitiesFeature
{
    /// <summary>Pipeline stages, opportunities, the board and the list.</summary>
    public static IServiceCollection AddOpportunitiesFeature(this IServiceCollection services)
    {
        services.AddScoped<PipelineStages>();
        services.AddScoped<Parties>();
        services.AddScoped<OpportunityService>();
        services.AddScoped<OpportunityQueries>();
        return services;
    }
}
