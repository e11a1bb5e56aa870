using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using VibeCrm.Web.Features.Tenants;
using VibeCrm.Web.Infrastructure.Jobs;
using VibeCrm.Web.Infrastructure.Auth;

namespace VibeCrm.Web.Infrastructure.Web;

public static class WebSetup
{
    public const string MerchantArea = "Merchant";
    public const string PortalArea = "Portal";

    /// <summary>Razor Pages with the tenant routes, antiforgery for htmx, health checks and proxy headers.</summary>
    public static IServiceCollection AddVibeCrmWeb(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<SignedLinks>();
        services.Configure<RouteOptions>(o =>
        {
            o.ConstraintMap["tenant"] = typeof(TenantSlugRouteConstraint);
            o.LowercaseUrls = true;
        });
        services.AddRazorPages(o =>
        {
            o.Conventions.Add(new TenantAreaRouteConvention());
            o.Conventions.AuthorizeAreaFolder(MerchantArea, "/", AuthPolicies.Staff);
            o.Conventions.AllowAnonymousToAreaFolder(MerchantArea, "/Account");
            o.Conventions.AuthorizeAreaFolder(MerchantArea, "/Settings", AuthPolicies.Manager);
            o.Conventions.AuthorizeAreaFolder(MerchantArea, "/Settings/Staff", AuthPolicies.Owner);
            o.Conventions.AuthorizeAreaFolder(WebSetup.MerchantArea, "/Audit", AuthPolicies.Manager);
            o.Conventions.AuthorizeAreaFolder(PortalArea, "/Me", AuthPolicies.Member);
            o.Conventions.AuthorizeFolder("/Platform", AuthPolicies.Operator);
            o.Conventions.AllowAnonymousToPage("/Platform/SignIn");
        });
        services.AddAntiforgery(o =>
        {
            o.HeaderName = "RequestVerificationToken";
            o.Cookie.Name = ".vibecrm.af";
        });
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
        });
        services.AddHealthChecks()
            .AddDbContextCheck<Data.Catalog.CatalogDbContext>("catalog", tags: ["ready"])
            .AddCheck<JobStorageHealthCheck>("jobs", tags: ["ready"]);
        return services;
    }

    public static void MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health", new() { Predicate = _ => false }).DisableRateLimiting();
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") }).DisableRateLimiting();
    }
}

/// <summary>
/// Back-office pages answer at <c>/{tenant}/admin/...</c>, member-portal pages at <c>/{tenant}/...</c>.
/// The <c>tenant</c> route value is what the tenant middleware resolves.
/// </summary>
public sealed class TenantAreaRouteConvention : IPageRouteModelConvention
{
    public void Apply(PageRouteModel model)
    {
        var prefix = model.AreaName switch
        {
            WebSetup.MerchantArea => "{tenant:tenant}/admin",
            WebSetup.PortalArea => "{tenant:tenant}",
            _ => null,
        };
        if (prefix is null)
        {
            return;
        }

        foreach (var selector in model.Selectors)
        {
            var template = selector.AttributeRouteModel?.Template ?? "";
            if (template.StartsWith("{tenant", StringComparison.Ordinal))
            {
                continue; // the page spelled out its full route
            }

            var areaPrefix = model.AreaName + "/";
            if (template.StartsWith(areaPrefix, StringComparison.OrdinalIgnoreCase))
            {
                template = template[areaPrefix.Length..];
            }
            else if (string.Equals(template, model.AreaName, StringComparison.OrdinalIgnoreCase))
            {
                template = "";
            }

            selector.AttributeRouteModel = new AttributeRouteModel { Template = template.Length == 0 ? prefix : $"{prefix}/{template}" };
        }
    }
}
