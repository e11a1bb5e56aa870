using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VibeCrm.Data.Loyalty;

/// <summary>Something members buy with points. Changes are audited; <see cref="IssuedCount"/> is guarded by the stamp.</summary>
public sealed class Reward : IAudited
{
    public int Id { get; set; }

    public int ProgramId { get; set; }

    public string Name { get; set; } = "";

    public string? Description { get; set; }

    public string? ImageUrl { get; set; }

    public RewardKind Kind { get; set; }

    /// <summary>Amount (currency) for AmountOff, percent for PercentOff.</summary>
    public decimal? Value { get; set; }

    /// <summary>For FreeItem: the SKU given away.</summary>
    public string? FreeItemSku { get; set; }

    public int CostPoints { get; set; }

    /// <summary>Total that may be issued; null = unlimited. Vouchers are also limited by their pool.</summary>
    public int? Stock { get; set; }

    /// <summary>Issued and not cancelled.</summary>
    public int IssuedCount { get; set; }

    /// <summary>Redemptions (not cancelled) one member may have; null = no limit.</summary>
    public int? PerMemberLimit { get; set; }

    public DateTimeOffset? AvailableFrom { get; set; }

    public DateTimeOffset? AvailableUntil { get; set; }

    /// <summary>Days an issued code stays valid.</summary>
    public int CodeValidDays { get; set; } = 30;

    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    /// <summary>Tiers that can see it; empty = everyone.</summary>
    public List<RewardTier> Tiers { get; set; } = [];
}

public sealed class RewardConfiguration : IEntityTypeConfiguration<Reward>
{
    public void Configure(EntityTypeBuilder<Reward> b)
    {
        b.ToTable("LoyaltyRewards");
        b.Property(r => r.Name).HasMaxLength(100);
        b.Property(r => r.Description).HasMaxLength(2000);
        b.Property(r => r.ImageUrl).HasMaxLength(500);
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.Value).HasPrecision(18, 2);
        b.Property(r => r.FreeItemSku).HasMaxLength(64);
        b.Property(r => r.ConcurrencyStamp).HasMaxLength(32).IsConcurrencyToken();
        b.HasOne<LoyaltyProgram>().WithMany().HasForeignKey(r => r.ProgramId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.ProgramId, r.IsActive });
        b.HasMany(r => r.Tiers).WithOne().HasForeignKey(t => t.RewardId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class RewardTier
{
    public int RewardId { get; set; }

    public int TierId { get; set; }
}

public sealed class RewardTierConfiguration : IEntityTypeConfiguration<RewardTier>
{
    public void Configure(EntityTypeBuilder<RewardTier> b)
    {
        b.ToTable("LoyaltyRewardTiers");
        b.HasKey(t => new { t.RewardId, t.TierId });
        b.HasOne<Tier>().WithMany().HasForeignKey(t => t.TierId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>A pre-loaded code of a voucher reward's pool; handed out once.</summary>
public sealed class RewardCode
{
    public int Id { get; set; }

    public int RewardId { get; set; }

    public string Code { get; set; } = "";

    public int? RedemptionId { get; set; }

    public DateTimeOffset? AssignedAt { get; set; }
}

public sealed class RewardCodeConfiguration : IEntityTypeConfiguration<RewardCode>
{
    public void Configure(EntityTypeBuilder<RewardCode> b)
    {
        b.ToTable("LoyaltyRewardCodes");
        b.Property(c => c.Code).HasMaxLength(100);
        b.HasOne<Reward>().WithMany().HasForeignKey(c => c.RewardId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.RewardId, c.Code }).IsUnique();
        b.HasIndex(c => new { c.RewardId, c.RedemptionId });
    }
}

/// <summary>A reward bought with points: a unique unguessable code the till validates and consumes, or the member cancels.</summary>
public sealed class Redemption
{
    public int Id { get; set; }

    public int ProgramId { get; set; }

    public int MembershipId { get; set; }

    public int RewardId { get; set; }

    /// <summary>10 characters of Crockford base32 (50 random bits).</summary>
    public string Code { get; set; } = "";

    /// <summary>The pool code handed out, for voucher rewards.</summary>
    public string? VoucherCode { get; set; }

    public int Points { get; set; }

    public RedemptionStatus Status { get; set; }

    public DateTimeOffset IssuedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? ConsumedAt { get; set; }

    public string? ConsumedAtStore { get; set; }

    public DateTimeOffset? CancelledAt { get; set; }
}

public sealed class RedemptionConfiguration : IEntityTypeConfiguration<Redemption>
{
    public void Configure(EntityTypeBuilder<Redemption> b)
    {
        b.ToTable("LoyaltyRedemptions");
        b.Property(r => r.Code).HasMaxLength(16);
        b.Property(r => r.VoucherCode).HasMaxLength(100);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.ConsumedAtStore).HasMaxLength(64);
        b.HasOne<LoyaltyMembership>().WithMany().HasForeignKey(r => r.MembershipId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Reward>().WithMany().HasForeignKey(r => r.RewardId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => r.Code).IsUnique();
        b.HasIndex(r => new { r.MembershipId, r.RewardId, r.Status });
    }
}
