using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authentication;
using VibeCrm.Web.Infrastructure.Auth;

namespace VibeCrm.Web.Infrastructure.Jobs;

/// <summary>The Hangfire dashboard is for platform operators only.</summary>
public sealed class OperatorDashboardAuthorization : IDashboardAsyncAuthorizationFilter
{
    public async Task<bool> AuthorizeAsync(DashboardContext context)
    {
        var http = context.GetHttpContext();
        var result = await http.AuthenticateAsync(AuthSchemes.Operator);
        return result.Succeeded && result.Principal.HasClaim(VibeClaims.Kind, "Operator");
    }
}
