using VibeCrm.Web.Features.Customers.Timeline;

namespace VibeCrm.Web.Features.Surveys;

public static class SurveysFeature
{
    /// <summary>Survey builder, email sending with signed links, the public answer page, results and the timeline source.</summary>
    public static IServiceCollection AddSurveysFeature(this IServiceCollection services)
    {
        services.AddScoped<SurveyQueries>();
        services.AddScoped<SurveyBuilder>();
        services.AddScoped<SurveyAudience>();
        services.AddScoped<SurveySender>();
        services.AddScoped<SurveyLinks>();
        services.AddScoped<SurveyAnswering>();
        services.AddScoped<SurveyResults>();
        services.AddScoped<SurveyExport>();
        services.AddScoped<SurveyInvitationJob>();
        services.AddScoped<SurveySentimentJob>();
        services.AddScoped<SurveyDemoData>();
        services.AddScoped<ITimelineSource, SurveyTimelineSource>();
        return services;
    }
}
