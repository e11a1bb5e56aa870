using VibeCrm.Web.Features.Imports;

namespace VibeCrm.Web.Features;

public static class ImportsFeature
{
    /// <summary>CSV import of customers and leads (upload, mapping, preview, background job) and CSV export of customers.</summary>
    public static IServiceCollection AddImportsFeature(this IServiceCollection services)
    {
        services.AddScoped<ImportStorage>();
        services.AddScoped<ImportWriter>();
        services.AddScoped<ImportService>();
        services.AddScoped<ImportJobRunner>();
        services.AddScoped<CustomerExporter>();
        services.AddSingleton<ImportProgress>();
        return services;
    }
}
