using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Identity;
using VibeCrm.Data.Tenants;

namespace VibeCrm.Web.Features.Staff;

public sealed record StaffRow(string Id, string Name, string Email, string Role, bool IsActive, DateTimeOffset CreatedAt);

public sealed record InvitationRow(int Id, string Email, string Role, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);

/// <summary>The merchant's team: list, invite, accept, change role, deactivate and reactivate.</summary>
public sealed class StaffDirectory(TenantDbContext db, UserManager<AppUser> users, TimeProvider clock)
{
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);

    public async Task<IReadOnlyList<StaffRow>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = await (
            from u in db.Users.AsNoTracking()
            where u.Kind == AccountKind.Staff
            join ur in db.UserRoles on u.Id equals ur.UserId
            join r in db.Roles on ur.RoleId equals r.Id
            orderby u.FirstName, u.LastName
            select new { u.Id, u.FirstName, u.LastName, u.Email, Role = r.Name, u.IsActive, u.CreatedAt })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new StaffRow(r.Id, $"{r.FirstName} {r.LastName}".Trim(), r.Email ?? "", r.Role ?? "", r.IsActive, r.CreatedAt))];
    }

    public async Task<IReadOnlyList<InvitationRow>> OpenInvitationsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await db.StaffInvitations.AsNoTracking()
            .Where(i => i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .OrderByDescending(i => i.CreatedAt)
            .Select(i => new InvitationRow(i.Id, i.Email, i.Role, i.CreatedAt, i.ExpiresAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Creates an invitation and returns its one-time token (only its hash is stored).</summary>
    public async Task<(CommandResult Result, string? Token)> InviteAsync(string email, string role, string invitedByUserId, CancellationToken cancellationToken)
    {
        email = email.Trim();
        if (!Roles.StaffRoles.Contains(role))
        {
            return (CommandResult.Fail("Choose a role: Owner, Manager or Agent."), null);
        }

        var existing = await users.FindByNameAsync(AppUser.UserNameFor(AccountKind.Staff, email));
        if (existing is not null)
        {
            return (CommandResult.Fail($"{email} is already on the team."), null);
        }

        var now = clock.GetUtcNow();
        var normalized = email.ToLowerInvariant();
        var open = await db.StaffInvitations
            .Where(i => i.Email == normalized && i.AcceptedAt == null && i.RevokedAt == null)
            .ToListAsync(cancellationToken);
        foreach (var previous in open)
        {
            previous.RevokedAt = now; // a new invitation replaces any older one
        }

        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        db.StaffInvitations.Add(new StaffInvitation
        {
            Email = normalized,
            Role = role,
            TokenHash = Hash(token),
            InvitedByUserId = invitedByUserId,
            CreatedAt = now,
            ExpiresAt = now + InvitationLifetime,
        });
        await db.SaveChangesAsync(cancellationToken);
        return (CommandResult.Ok, token);
    }

    public async Task<StaffInvitation?> FindOpenInvitationAsync(string token, CancellationToken cancellationToken)
    {
        var hash = Hash(token);
        var invitation = await db.StaffInvitations.FirstOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        return invitation is not null && invitation.IsOpen(clock.GetUtcNow()) ? invitation : null;
    }

    public async Task<(CommandResult Result, AppUser? User)> AcceptAsync(string token, string firstName, string lastName, string password, CancellationToken cancellationToken)
    {
        var invitation = await FindOpenInvitationAsync(token, cancellationToken);
        if (invitation is null)
        {
            return (CommandResult.Fail("This invitation has expired or was already used. Ask the owner for a new one."), null);
        }

        var user = new AppUser
        {
            Kind = AccountKind.Staff,
            UserName = AppUser.UserNameFor(AccountKind.Staff, invitation.Email),
            Email = invitation.Email,
            EmailConfirmed = true, // the invitation link proved the address
            FirstName = firstName.Trim(),
            LastName = lastName.Trim(),
            CreatedAt = clock.GetUtcNow(),
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return (CommandResult.Fail(string.Join(" ", created.Errors.Select(e => e.Description))), null);
        }

        await users.AddToRoleAsync(user, invitation.Role);
        invitation.AcceptedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return (CommandResult.Ok, user);
    }

    public async Task<CommandResult> RevokeInvitationAsync(int id, CancellationToken cancellationToken)
    {
        var invitation = await db.StaffInvitations.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (invitation is null || invitation.AcceptedAt is not null)
        {
            return CommandResult.Fail("That invitation no longer exists.");
        }

        invitation.RevokedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok;
    }

    public async Task<CommandResult> ChangeRoleAsync(string userId, string role, string actingUserId, CancellationToken cancellationToken)
    {
        if (!Roles.StaffRoles.Contains(role))
        {
            return CommandResult.Fail("Choose a role: Owner, Manager or Agent.");
        }

        var user = await FindStaffAsync(userId);
        if (user is null)
        {
            return CommandResult.Fail("That staff member no longer exists.");
        }

        var current = await users.GetRolesAsync(user);
        if (current.Contains(role))
        {
            return CommandResult.Ok;
        }

        if (current.Contains(Roles.Owner) && await IsLastActiveOwnerAsync(user, cancellationToken))
        {
            return CommandResult.Fail(userId == actingUserId
                ? "You are the only owner. Make someone else owner first."
                : "This is the only owner. Make someone else owner first.");
        }

        await users.RemoveFromRolesAsync(user, current);
        await users.AddToRoleAsync(user, role);
        await users.UpdateSecurityStampAsync(user); // signs them out so the new role applies at once
        return CommandResult.Ok;
    }

    public async Task<CommandResult> SetActiveAsync(string userId, bool active, string actingUserId, CancellationToken cancellationToken)
    {
        if (!active && userId == actingUserId)
        {
            return CommandResult.Fail("You cannot deactivate yourself.");
        }

        var user = await FindStaffAsync(userId);
        if (user is null)
        {
            return CommandResult.Fail("That staff member no longer exists.");
        }

        if (!active && (await users.GetRolesAsync(user)).Contains(Roles.Owner) && await IsLastActiveOwnerAsync(user, cancellationToken))
        {
            return CommandResult.Fail("This is the only owner and cannot be deactivated.");
        }

        user.IsActive = active;
        user.DeactivatedAt = active ? null : clock.GetUtcNow();
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        return CommandResult.Ok;
    }

    private async Task<AppUser?> FindStaffAsync(string userId)
    {
        var user = await users.FindByIdAsync(userId);
        return user is { Kind: AccountKind.Staff } ? user : null;
    }

    private async Task<bool> IsLastActiveOwnerAsync(AppUser user, CancellationToken cancellationToken)
    {
        var owners = await users.GetUsersInRoleAsync(Roles.Owner);
        return !owners.Any(o => o.Id != user.Id && o.IsActive);
    }

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
