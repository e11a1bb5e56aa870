using VibeCrm.Web.Features.Customers.Timeline;

namespace VibeCrm.Web.Features.Feedback;

public static class FeedbackFeature
{
    /// <summary>Feedback items from every channel, their scoring job, workflow, replies, dashboard and timeline entries.</summary>
    public static IServiceCollection AddFeedbackFeature(this IServiceCollection services)
    {
        services.AddScoped<FeedbackSettingsService>();
        services.AddScoped<RoundRobinAssigner>();
        services.AddScoped<ReviewBonus>();
        services.AddScoped<FeedbackService>();
        services.AddScoped<FeedbackWorkflow>();
        services.AddScoped<FeedbackReplies>();
        services.AddScoped<FeedbackLinks>();
        services.AddScoped<ReviewInvitations>();
        services.AddScoped<FeedbackQueries>();
        services.AddScoped<FeedbackDashboard>();
        services.AddScoped<FeedbackScoringJob>();
        services.AddScoped<FeedbackDemoData>();
        services.AddScoped<ITimelineSource, FeedbackTimelineSource>();
        return services;
    }
}
