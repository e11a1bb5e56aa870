using System.Security.Claims;
using VibeCrm.Data;

namespace VibeCrm.Web.Infrastructure.Auth;

/// <summary>
/// The person behind the current request, for the audit trail; "system" outside requests. A POS API key has no user id:
/// its name ("API key …") is recorded.
/// </summary>
public sealed class HttpAuditActor(IHttpContextAccessor http) : IAuditActor
{
    public string? UserId => http.HttpContext?.User.Identity?.IsAuthenticated == true ? http.HttpContext.User.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    public string? UserName => http.HttpContext?.User.Identity?.IsAuthenticated == true ? http.HttpContext.User.DisplayName() : "system";
}
