using VibeCrm.Web.Features.Leads;

namespace VibeCrm.Web.Features;

public static class LeadsFeature
{
    /// <summary>Leads, their scoring rules and conversion to customers.</summary>
    public static IServiceCollection AddLeadsFeature(this IServiceCollection services)
    {
        services.AddScoped<LeadScoringService>();
        services.AddScoped<LeadService>();
        services.AddScoped<LeadQueries>();
        return services;
    }
}
