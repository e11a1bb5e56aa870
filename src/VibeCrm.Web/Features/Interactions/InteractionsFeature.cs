namespace VibeCrm.Web.Features.Interactions;

public static class InteractionsFeature
{
    /// <summary>Interactions and tickets with customers, and each staff member's follow-ups.</summary>
    public static IServiceCollection AddInteractionsFeature(this IServiceCollection services)
    {
        services.AddScoped<InteractionService>();
        services.AddScoped<FollowUpQueries>();
        return services;
    }
}
