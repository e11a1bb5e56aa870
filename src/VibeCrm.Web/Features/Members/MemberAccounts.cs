using Microsoft.AspNetCore.Identity;
using VibeCrm.Data.Identity;
using VibeCrm.Web.Features.Accounts;

namespace VibeCrm.Web.Features.Members;

public sealed record MemberRegistration(string FirstName, string LastName, string Email, string Password, bool MarketingEmailOptIn);

public sealed record MemberPreferences(string FirstName, string LastName, bool MarketingEmailOptIn, bool LoyaltyEmailOptIn);

/// <summary>Shoppers' own accounts in the member portal: join, confirm the email, keep profile and preferences.</summary>
public sealed class MemberAccounts(UserManager<AppUser> users, AccountEmails emails, TimeProvider clock)
{
    public async Task<IdentityResult> RegisterAsync(MemberRegistration registration, Func<string, string, string> confirmLinkFor, CancellationToken cancellationToken)
    {
        var email = registration.Email.Trim();
        var existing = await users.FindByNameAsync(AppUser.UserNameFor(AccountKind.Member, email));
        if (existing is not null)
        {
            // Do not reveal the account: if it is unconfirmed, send the confirmation again; otherwise say it exists.
            if (!existing.EmailConfirmed)
            {
                await SendConfirmationAsync(existing, confirmLinkFor, cancellationToken);
                return IdentityResult.Success;
            }

            return IdentityResult.Failed(new IdentityError { Code = "DuplicateEmail", Description = "There is already a member account with this email. Sign in, or reset your password." });
        }

        var user = new AppUser
        {
            Kind = AccountKind.Member,
            UserName = AppUser.UserNameFor(AccountKind.Member, email),
            Email = email,
            FirstName = registration.FirstName.Trim(),
            LastName = registration.LastName.Trim(),
            MarketingEmailOptIn = registration.MarketingEmailOptIn,
            CreatedAt = clock.GetUtcNow(),
        };
        var created = await users.CreateAsync(user, registration.Password);
        if (!created.Succeeded)
        {
            return created;
        }

        await users.AddToRoleAsync(user, Roles.Member);
        await SendConfirmationAsync(user, confirmLinkFor, cancellationToken);
        return IdentityResult.Success;
    }

    public async Task<bool> ConfirmAsync(string userId, string token)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is not { Kind: AccountKind.Member })
        {
            return false;
        }

        var result = await users.ConfirmEmailAsync(user, token);
        return result.Succeeded;
    }

    public async Task<AppUser?> FindAsync(string userId)
    {
        var user = await users.FindByIdAsync(userId);
        return user is { Kind: AccountKind.Member } ? user : null;
    }

    public async Task<IdentityResult> UpdatePreferencesAsync(string userId, MemberPreferences preferences)
    {
        var user = await FindAsync(userId);
        if (user is null)
        {
            return IdentityResult.Failed(new IdentityError { Code = "NotFound", Description = "Your account no longer exists." });
        }

        user.FirstName = preferences.FirstName.Trim();
        user.LastName = preferences.LastName.Trim();
        user.MarketingEmailOptIn = preferences.MarketingEmailOptIn;
        user.LoyaltyEmailOptIn = preferences.LoyaltyEmailOptIn;
        return await users.UpdateAsync(user);
    }

    private async Task SendConfirmationAsync(AppUser user, Func<string, string, string> confirmLinkFor, CancellationToken cancellationToken)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        await emails.SendConfirmationAsync(user, confirmLinkFor(user.Id, token), cancellationToken);
    }
}
