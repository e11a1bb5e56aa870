using Microsoft.AspNetCore.Identity;
using VibeCrm.Data.Identity;

namespace VibeCrm.Web.Features.Accounts;

/// <summary>Forgot-password for staff and members. Never tells whether an email has an account.</summary>
public sealed class PasswordResets(UserManager<AppUser> users, AccountEmails emails)
{
    /// <summary>Sends a reset link if the account exists and is active; <paramref name="linkFor"/> builds the URL from the token.</summary>
    public async Task RequestAsync(AccountKind kind, string email, Func<string, string> linkFor, CancellationToken cancellationToken)
    {
        var user = await users.FindByNameAsync(AppUser.UserNameFor(kind, email));
        if (user is not { IsActive: true })
        {
            return;
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        await emails.SendPasswordResetAsync(user, linkFor(token), cancellationToken);
    }

    public async Task<IdentityResult> ResetAsync(AccountKind kind, string email, string token, string newPassword)
    {
        var user = await users.FindByNameAsync(AppUser.UserNameFor(kind, email));
        if (user is not { IsActive: true })
        {
            return IdentityResult.Failed(new IdentityErrorDescriber().InvalidToken());
        }

        var result = await users.ResetPasswordAsync(user, token, newPassword);
        if (result.Succeeded)
        {
            await users.ResetAccessFailedCountAsync(user);
            await users.SetLockoutEndDateAsync(user, null);
        }

        return result;
    }
}
