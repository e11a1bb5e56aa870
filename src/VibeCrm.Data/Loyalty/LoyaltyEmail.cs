using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VibeCrm.Data.Loyalty;

public enum LoyaltyEmailKind
{
    Welcome = 0,
    TierUp = 1,
    PointsExpiring = 2,
    RewardRedeemed = 3,
}

/// <summary>
/// One loyalty email owed to a member, written before it is sent: (Kind, SubjectKey) is unique, so a job delivered
/// twice sends once. For expiry warnings there is one row per lot (SubjectKey = lot id) or per inactivity deadline
/// (SubjectKey = inactive:{membership}:{deadline}), and one email covers them all.
/// </summary>
public sealed class LoyaltyEmail
{
    public long Id { get; set; }

    public int MembershipId { get; set; }

    public LoyaltyEmailKind Kind { get; set; }

    /// <summary>What the email is about: membership, tier change, lot or redemption id.</summary>
    public string SubjectKey { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Null while owed; set once sent (or skipped).</summary>
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>Where it went, or why it was not sent (no address, opted out).</summary>
    public string? Outcome { get; set; }
}

public sealed class LoyaltyEmailConfiguration : IEntityTypeConfiguration<LoyaltyEmail>
{
    public void Configure(EntityTypeBuilder<LoyaltyEmail> b)
    {
        b.ToTable("LoyaltyEmails");
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.SubjectKey).HasMaxLength(64);
        b.Property(e => e.Outcome).HasMaxLength(300);
        b.HasOne<LoyaltyMembership>().WithMany().HasForeignKey(e => e.MembershipId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => new { e.Kind, e.SubjectKey }).IsUnique();
        b.HasIndex(e => e.MembershipId);
    }
}
