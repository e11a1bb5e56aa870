using System.Security.Claims;
using VibeCrm.Data.Identity;
using VibeCrm.Web.Infrastructure.Auth;

namespace VibeCrm.Web.Features.Interactions;

/// <summary>The staff member acting, and whether they may act on everybody's records (owners and managers).</summary>
public sealed record StaffActor(string UserId, bool IsManager)
{
    public static StaffActor From(ClaimsPrincipal user) =>
        new(user.UserId(), user.IsInRole(Roles.Owner) || user.IsInRole(Roles.Manager));
}
