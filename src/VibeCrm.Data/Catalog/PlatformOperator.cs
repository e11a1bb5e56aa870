namespace VibeCrm.Data.Catalog;

/// <summary>A person who runs the platform (not a merchant's staff).</summary>
public sealed class PlatformOperator
{
    public int Id { get; set; }

    public required string Email { get; set; }

    public required string PasswordHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public int FailedSignIns { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }
}
