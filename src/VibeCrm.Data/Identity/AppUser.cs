using Microsoft.AspNetCore.Identity;

namespace VibeCrm.Data.Identity;

/// <summary>Staff sign in to the back office, members to the portal. The same email may hold one account of each kind.</summary>
public enum AccountKind
{
    Staff = 0,
    Member = 1,
}

/// <summary>A sign-in account of one tenant. The user name is <c>{kind}:{email}</c> so each kind has its own namespace.</summary>
public sealed class AppUser : IdentityUser
{
    public AccountKind Kind { get; set; }

    public string FirstName { get; set; } = "";

    public string LastName { get; set; } = "";

    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DeactivatedAt { get; set; }

    /// <summary>Members: whether they want marketing email. Transactional email is always sent.</summary>
    public bool MarketingEmailOptIn { get; set; }

    /// <summary>Members: whether they want news about their points and rewards.</summary>
    public bool LoyaltyEmailOptIn { get; set; } = true;

    /// <summary>Members: the customer record holding their history, loyalty membership and feedback (set when the email is confirmed).</summary>
    public int? CustomerId { get; set; }

    public string DisplayName => string.IsNullOrWhiteSpace(FirstName) && string.IsNullOrWhiteSpace(LastName)
        ? Email ?? UserName ?? ""
        : $"{FirstName} {LastName}".Trim();

    public static string UserNameFor(AccountKind kind, string email) =>
        $"{(kind == AccountKind.Staff ? "staff" : "member")}:{email.Trim().ToLowerInvariant()}";
}

public static class Roles
{
    public const string Owner = "Owner";
    public const string Manager = "Manager";
    public const string Agent = "Agent";
    public const string Member = "Member";

    public static readonly IReadOnlyList<string> StaffRoles = [Owner, Manager, Agent];

    public static readonly IReadOnlyList<string> All = [Owner, Manager, Agent, Member];
}
