using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VibeCrm.Data.Loyalty;

/// <summary>A loyalty program of the merchant: its unit, earn rate, expiry, pending period and tier settings. Changes are audited.</summary>
public sealed class LoyaltyProgram : IAudited
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>What the members collect: points, stars, beans...</summary>
    public string UnitName { get; set; } = "points";

    public ProgramStatus Status { get; set; }

    public string? Terms { get; set; }

    /// <summary>ISO 4217; purchases in another currency are refused.</summary>
    public string Currency { get; set; } = "EUR";

    /// <summary>IANA id; days, months, weekdays and birthdays are read in this zone.</summary>
    public string TimeZoneId { get; set; } = "UTC";

    /// <summary>Base rate: points per one currency unit spent.</summary>
    public decimal PointsPerCurrencyUnit { get; set; } = 1m;

    public EarnRounding Rounding { get; set; }

    /// <summary>What one point is worth when redeemed, in <see cref="Currency"/> (for the liability figure).</summary>
    public decimal PointValue { get; set; } = 0.01m;

    public int? MaxPointsPerPurchase { get; set; }

    public int? MaxPointsPerDay { get; set; }

    public int? MaxPointsPerMonth { get; set; }

    public ExpiryKind ExpiryKind { get; set; }

    /// <summary>Days for <see cref="ExpiryKind.AfterDays"/> and <see cref="ExpiryKind.Inactivity"/>.</summary>
    public int? ExpiryDays { get; set; }

    /// <summary>Days purchase points stay locked (return window): not spendable, not counted for tiers. 0 = none.</summary>
    public int PendingDays { get; set; }

    public TierBasis TierBasis { get; set; }

    /// <summary>Rolling qualification window in months; null = lifetime.</summary>
    public int? TierWindowMonths { get; set; } = 12;

    public TierDowngradePolicy TierDowngradePolicy { get; set; } = TierDowngradePolicy.Recalculate;

    /// <summary>For <see cref="TierDowngradePolicy.AfterRetention"/>: months a reached tier is kept at least.</summary>
    public int TierRetentionMonths { get; set; } = 12;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    public List<EarnRule> EarnRules { get; set; } = [];

    public List<Tier> Tiers { get; set; } = [];
}

public sealed class LoyaltyProgramConfiguration : IEntityTypeConfiguration<LoyaltyProgram>
{
    public void Configure(EntityTypeBuilder<LoyaltyProgram> b)
    {
        b.Property(p => p.Name).HasMaxLength(100);
        b.Property(p => p.UnitName).HasMaxLength(30);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(p => p.Terms).HasMaxLength(8000);
        b.Property(p => p.Currency).HasMaxLength(3);
        b.Property(p => p.TimeZoneId).HasMaxLength(64);
        b.Property(p => p.PointsPerCurrencyUnit).HasPrecision(18, 4);
        b.Property(p => p.Rounding).HasConversion<string>().HasMaxLength(16);
        b.Property(p => p.PointValue).HasPrecision(18, 4);
        b.Property(p => p.ExpiryKind).HasConversion<string>().HasMaxLength(16);
        b.Property(p => p.TierBasis).HasConversion<string>().HasMaxLength(16);
        b.Property(p => p.TierDowngradePolicy).HasConversion<string>().HasMaxLength(16);
        b.Property(p => p.ConcurrencyStamp).HasMaxLength(32).IsConcurrencyToken();
        b.HasIndex(p => p.Status);
        b.HasMany(p => p.EarnRules).WithOne().HasForeignKey(r => r.ProgramId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Tiers).WithOne().HasForeignKey(t => t.ProgramId).OnDelete(DeleteBehavior.Cascade);
    }
}
