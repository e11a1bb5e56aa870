namespace VibeCrm.Web.Features.Customers;

public static class CustomersFeature
{
    /// <summary>Customer list and search, profiles, custom fields and the demo customer seeder.</summary>
    public static IServiceCollection AddCustomersFeature(this IServiceCollection services)
    {
        services.AddScoped<CustomerQueries>();
        services.AddScoped<CustomerService>();
        services.AddScoped<CustomFieldService>();
        services.AddScoped<CustomerSeeder>();
        return services;
    }
}
