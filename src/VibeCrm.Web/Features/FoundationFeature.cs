using VibeCrm.Web.Features.Accounts;
using VibeCrm.Web.Features.Demo;
using VibeCrm.Web.Features.Members;
using VibeCrm.Web.Features.Platform;
using VibeCrm.Web.Features.Staff;
using VibeCrm.Web.Features.Tenants;

namespace VibeCrm.Web.Features;

public static class FoundationFeature
{
    /// <summary>Tenants, platform operators, staff, members and the demo merchant.</summary>
    public static IServiceCollection AddFoundationFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DemoOptions>(configuration.GetSection(DemoOptions.Section));
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<Data.IAuditActor, Infrastructure.Auth.HttpAuditActor>();
        services.AddScoped<TenantProvisioner>();
        services.AddScoped<DatabaseMigrator>();
        services.AddScoped<TenantDirectory>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<CrmDemoData>();
        services.AddScoped<LoyaltyDemoData>();
        services.AddScoped<OperatorAccounts>();
        services.AddScoped<Microsoft.AspNetCore.Identity.IPasswordHasher<Data.Catalog.PlatformOperator>, Microsoft.AspNetCore.Identity.PasswordHasher<Data.Catalog.PlatformOperator>>();
        services.AddScoped<StaffDirectory>();
        services.AddScoped<StaffOptions>();
        services.AddScoped<AccountEmails>();
        services.AddScoped<PasswordResets>();
        services.AddScoped<MemberAccounts>();
        services.AddScoped<MemberCustomers>();
        services.AddHostedService<StartupTasks>();
        return services;
    }
}
