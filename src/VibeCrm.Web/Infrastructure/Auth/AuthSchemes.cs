namespace VibeCrm.Web.Infrastructure.Auth;

/// <summary>Three separate cookies: a merchant's staff, a merchant's members, and platform operators.</summary>
public static class AuthSchemes
{
    public const string Staff = "Staff";
    public const string Member = "Member";
    public const string Operator = "Operator";
}

public static class AuthPolicies
{
    public const string Staff = "Staff";
    public const string Manager = "Manager";
    public const string Owner = "Owner";
    public const string Member = "Member";
    public const string Operator = "Operator";
}

public static class VibeClaims
{
    /// <summary>The id of the tenant that issued the cookie; a cookie is only valid at that tenant.</summary>
    public const string Tenant = "vibecrm:tenant";

    public const string Kind = "vibecrm:kind";

    public const string SecurityStamp = "vibecrm:stamp";
}
