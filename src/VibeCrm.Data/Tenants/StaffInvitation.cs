namespace VibeCrm.Data.Tenants;

/// <summary>An invitation for a person to join the staff. Only a hash of the token is stored.</summary>
public sealed class StaffInvitation
{
    public int Id { get; set; }

    public required string Email { get; set; }

    public required string Role { get; set; }

    public required string TokenHash { get; set; }

    public required string InvitedByUserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? AcceptedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public bool IsOpen(DateTimeOffset now) => AcceptedAt is null && RevokedAt is null && ExpiresAt > now;
}
