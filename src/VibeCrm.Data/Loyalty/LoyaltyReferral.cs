using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VibeCrm.Data.Loyalty;

/// <summary>A member's referral code (random, unguessable), created the first time the member looks at it.</summary>
public sealed class LoyaltyReferralCode
{
    public int MembershipId { get; set; }

    public string Code { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class LoyaltyReferralCodeConfiguration : IEntityTypeConfiguration<LoyaltyReferralCode>
{
    public void Configure(EntityTypeBuilder<LoyaltyReferralCode> b)
    {
        b.ToTable("LoyaltyReferralCodes");
        b.HasKey(c => c.MembershipId);
        b.Property(c => c.Code).HasMaxLength(16);
        b.HasIndex(c => c.Code).IsUnique();
        b.HasOne<LoyaltyMembership>().WithOne().HasForeignKey<LoyaltyReferralCode>(c => c.MembershipId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>A friend who joined through a member's code: one row per new member (unique), so a friend counts once.</summary>
public sealed class LoyaltyReferral
{
    public int Id { get; set; }

    public int ReferrerMembershipId { get; set; }

    public int ReferredMembershipId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The referral bonus credited to the referrer (null when the program gives none).</summary>
    public long? BonusEntryId { get; set; }
}

public sealed class LoyaltyReferralConfiguration : IEntityTypeConfiguration<LoyaltyReferral>
{
    public void Configure(EntityTypeBuilder<LoyaltyReferral> b)
    {
        b.ToTable("LoyaltyReferrals");
        b.HasOne<LoyaltyMembership>().WithMany().HasForeignKey(r => r.ReferrerMembershipId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<LoyaltyMembership>().WithMany().HasForeignKey(r => r.ReferredMembershipId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => r.ReferredMembershipId).IsUnique();
        b.HasIndex(r => r.ReferrerMembershipId);
    }
}
