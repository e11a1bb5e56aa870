using Hangfire;
using VibeCrm.Web.Infrastructure.Jobs;

namespace VibeCrm.Web.Features.Sentiment;

public static class SentimentFeature
{
    /// <summary>
    /// The shipped model (singleton), the tenant-aware analyzer every module scores through, corrections, tenant
    /// models and topics. Program.cs: <c>services.AddSentimentFeature();</c>
    /// </summary>
    public static IServiceCollection AddSentimentFeature(this IServiceCollection services)
    {
        services.AddOptions<SentimentTrainingOptions>().BindConfiguration(SentimentTrainingOptions.Section);
        services.AddSingleton<BaseSentimentModel>();
        services.AddSingleton<BaseModelFigures>();
        services.AddSingleton<TenantSentimentModels>();
        services.AddSingleton<SentimentTrainingGate>();
        services.AddScoped<ISentimentAnalyzer, TenantSentimentAnalyzer>();
        services.AddScoped<SentimentCorrections>();
        services.AddScoped<SentimentTopicService>();
        services.AddScoped<SentimentRetrainer>();
        services.AddScoped<SentimentRetrainJob>();
        services.AddScoped<SentimentSettingsQueries>();
        return services;
    }

    /// <summary>The daily safety net: every active tenant's retraining job runs and retrains if its threshold is reached.</summary>
    public static IRecurringJobManager AddSentimentRecurringJobs(this IRecurringJobManager manager)
    {
        ArgumentNullException.ThrowIfNull(manager);
        manager.AddOrUpdateForEachTenant<SentimentRetrainJob>("sentiment-retrain", Cron.Daily(1, 30));
        return manager;
    }
}
