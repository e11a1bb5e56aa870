using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using VibeCrm.Data.Identity;
using VibeCrm.Tenancy;

namespace VibeCrm.Web.Infrastructure.Auth;

public enum SignInOutcome
{
    Succeeded,
    Failed,
    LockedOut,
    NotConfirmed,
}

/// <summary>Password sign-in for staff and members, each into its own cookie, with Identity's lockout.</summary>
public sealed class SignInService(
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    IHttpContextAccessor http)
{
    public Task<AppUser?> FindAsync(AccountKind kind, string email) => users.FindByNameAsync(AppUser.UserNameFor(kind, email));

    public async Task<SignInOutcome> PasswordSignInAsync(AccountKind kind, string email, string password, bool remember)
    {
        var user = await FindAsync(kind, email);
        if (user is null || !user.IsActive)
        {
            // Same work as a real check, so timing does not reveal which emails exist.
            users.PasswordHasher.HashPassword(new AppUser(), password);
            return SignInOutcome.Failed;
        }

        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return SignInOutcome.LockedOut;
        }

        if (!result.Succeeded)
        {
            return SignInOutcome.Failed;
        }

        if (kind == AccountKind.Member && !user.EmailConfirmed)
        {
            return SignInOutcome.NotConfirmed;
        }

        await SignInAsync(user, remember);
        return SignInOutcome.Succeeded;
    }

    public async Task SignInAsync(AppUser user, bool remember)
    {
        var context = http.HttpContext ?? throw new InvalidOperationException("No HTTP request.");
        var tenant = context.RequireTenant();
        var principal = await signIn.CreateUserPrincipalAsync(user);
        var identity = (ClaimsIdentity)principal.Identity!;
        identity.AddClaim(new Claim(VibeClaims.Tenant, tenant.Id));
        identity.AddClaim(new Claim(VibeClaims.Kind, user.Kind.ToString()));
        identity.AddClaim(new Claim(VibeClaims.SecurityStamp, user.SecurityStamp ?? ""));
        identity.AddClaim(new Claim(ClaimTypes.GivenName, user.DisplayName));
        var scheme = user.Kind == AccountKind.Staff ? AuthSchemes.Staff : AuthSchemes.Member;
        await context.SignInAsync(scheme, principal, new AuthenticationProperties { IsPersistent = remember });
    }

    public Task SignOutAsync(AccountKind kind)
    {
        var context = http.HttpContext ?? throw new InvalidOperationException("No HTTP request.");
        return context.SignOutAsync(kind == AccountKind.Staff ? AuthSchemes.Staff : AuthSchemes.Member);
    }
}
