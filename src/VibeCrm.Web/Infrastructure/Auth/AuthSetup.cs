using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using VibeCrm.Data.Identity;
using VibeCrm.Data.Tenants;
using VibeCrm.Tenancy;

namespace VibeCrm.Web.Infrastructure.Auth;

public static class AuthSetup
{
    public static IServiceCollection AddVibeCrmAuth(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var secureCookies = configuration.GetValue("Security:RequireSecureCookies", !environment.IsDevelopment());
        services.AddIdentityCore<AppUser>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.User.RequireUniqueEmail = false; // unique per account kind, through the user name
                o.User.AllowedUserNameCharacters = null!;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<TenantDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(24));
        services.AddScoped<SignInService>();

        services.AddAuthentication(AuthSchemes.Staff)
            .AddCookie(AuthSchemes.Staff, o => ConfigureTenantCookie(o, ".vibecrm.staff", AccountKind.Staff, "/admin/account/login", secureCookies))
            .AddCookie(AuthSchemes.Member, o => ConfigureTenantCookie(o, ".vibecrm.member", AccountKind.Member, "/account/signin", secureCookies))
            .AddCookie(AuthSchemes.Operator, o =>
            {
                o.Cookie.Name = ".vibecrm.platform";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = secureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/platform/sign-in";
                o.AccessDeniedPath = "/platform/sign-in";
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
            });

        services.AddAuthorizationBuilder()
            .AddPolicy(AuthPolicies.Staff, p => p.AddAuthenticationSchemes(AuthSchemes.Staff).RequireAuthenticatedUser()
                .RequireClaim(VibeClaims.Kind, nameof(AccountKind.Staff)))
            .AddPolicy(AuthPolicies.Manager, p => p.AddAuthenticationSchemes(AuthSchemes.Staff).RequireAuthenticatedUser()
                .RequireClaim(VibeClaims.Kind, nameof(AccountKind.Staff)).RequireRole(Roles.Owner, Roles.Manager))
            .AddPolicy(AuthPolicies.Owner, p => p.AddAuthenticationSchemes(AuthSchemes.Staff).RequireAuthenticatedUser()
                .RequireClaim(VibeClaims.Kind, nameof(AccountKind.Staff)).RequireRole(Roles.Owner))
            .AddPolicy(AuthPolicies.Member, p => p.AddAuthenticationSchemes(AuthSchemes.Member).RequireAuthenticatedUser()
                .RequireClaim(VibeClaims.Kind, nameof(AccountKind.Member)))
            .AddPolicy(AuthPolicies.Operator, p => p.AddAuthenticationSchemes(AuthSchemes.Operator).RequireAuthenticatedUser()
                .RequireClaim(VibeClaims.Kind, "Operator"));
        return services;
    }

    private static void ConfigureTenantCookie(CookieAuthenticationOptions o, string name, AccountKind kind, string loginPath, bool secure)
    {
        o.Cookie.Name = name;
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Lax;
        o.Cookie.SecurePolicy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        o.CookieManager = new TenantCookieManager();
        o.ExpireTimeSpan = TimeSpan.FromDays(kind == AccountKind.Member ? 30 : 7);
        o.SlidingExpiration = true;
        o.Events = new CookieAuthenticationEvents
        {
            OnValidatePrincipal = ctx => TenantPrincipalValidator.ValidateAsync(ctx, kind),
            OnRedirectToLogin = ctx => RedirectWithinTenant(ctx, loginPath, withReturnUrl: true),
            OnRedirectToAccessDenied = ctx => RedirectWithinTenant(ctx, kind == AccountKind.Staff ? "/admin/accessdenied" : loginPath, withReturnUrl: false),
        };
    }

    /// <summary>Sends the browser to the sign-in page of the tenant it asked for; API and htmx callers get a status code.</summary>
    private static Task RedirectWithinTenant(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> ctx, string path, bool withReturnUrl)
    {
        var tenant = ctx.HttpContext.GetTenant();
        var isLogin = withReturnUrl;
        if (tenant is null)
        {
            ctx.Response.StatusCode = isLogin ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }

        var target = $"{ctx.Request.PathBase}/{tenant.Identifier}{path}";
        if (withReturnUrl)
        {
            target += "?ReturnUrl=" + Uri.EscapeDataString(ctx.Request.PathBase + ctx.Request.Path + ctx.Request.QueryString);
        }

        if (ctx.Request.Headers.ContainsKey("HX-Request"))
        {
            ctx.Response.StatusCode = isLogin ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden;
            ctx.Response.Headers["HX-Redirect"] = target;
            return Task.CompletedTask;
        }

        ctx.Response.Redirect(target);
        return Task.CompletedTask;
    }
}
