namespace VibeCrm.Web.Features.Loyalty;

/// <summary>The back office's Loyalty section: settings services, member and report queries, reward pictures.</summary>
public static class LoyaltyBackOfficeFeature
{
    public static IServiceCollection AddLoyaltyBackOffice(this IServiceCollection services)
    {
        services.AddScoped<ProgramSettingsService>();
        services.AddScoped<EarnRuleService>();
        services.AddScoped<TierSettingsService>();
        services.AddScoped<RewardCatalogService>();
        services.AddScoped<RewardImages>();
        services.AddScoped<LoyaltyMemberQueries>();
        services.AddScoped<LoyaltyReports>();
        return services;
    }

    /// <summary>Endpoints outside Razor Pages: reward pictures. Program.cs: <c>app.MapLoyaltyBackOffice();</c></summary>
    public static IEndpointRouteBuilder MapLoyaltyBackOffice(this IEndpointRouteBuilder app)
    {
        RewardImages.MapEndpoint(app);
        return app;
    }
}
