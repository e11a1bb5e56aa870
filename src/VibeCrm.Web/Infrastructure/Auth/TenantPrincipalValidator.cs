using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using VibeCrm.Data.Identity;
using VibeCrm.Tenancy;

namespace VibeCrm.Web.Infrastructure.Auth;

/// <summary>
/// Checks every staff or member cookie against the tenant of the request and the account as it is now:
/// a cookie from another tenant, a deactivated account or a changed security stamp signs the person out.
/// </summary>
public static class TenantPrincipalValidator
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context, AccountKind kind)
    {
        var tenant = context.HttpContext.GetTenant();
        var principal = context.Principal;
        if (tenant is null || principal is null || principal.FindFirstValue(VibeClaims.Tenant) != tenant.Id
            || principal.FindFirstValue(VibeClaims.Kind) != kind.ToString())
        {
            context.RejectPrincipal();
            return;
        }

        var users = context.HttpContext.RequestServices.GetRequiredService<UserManager<AppUser>>();
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var user = id is null ? null : await users.FindByIdAsync(id);
        if (user is null || !user.IsActive || user.Kind != kind
            || user.SecurityStamp != principal.FindFirstValue(VibeClaims.SecurityStamp))
        {
            context.RejectPrincipal();
        }
    }
}
