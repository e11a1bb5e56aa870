using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VibeCrm.Data.Loyalty;

/// <summary>A level of a program, reached when the qualifying value (points earned or money spent) meets <see cref="Threshold"/>. Changes are audited.</summary>
public sealed class Tier : IAudited
{
    public int Id { get; set; }

    public int ProgramId { get; set; }

    public string Name { get; set; } = "";

    /// <summary>Order of the tiers, lowest first.</summary>
    public int Rank { get; set; }

    /// <summary>Points earned or money spent within the program's window; 0 for the entry tier.</summary>
    public decimal Threshold { get; set; }

    public string? Description { get; set; }

    /// <summary>Badge colour as #rrggbb; null = the default.</summary>
    public string? Color { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<TierBenefit> Benefits { get; set; } = [];
}

public sealed class TierConfiguration : IEntityTypeConfiguration<Tier>
{
    public void Configure(EntityTypeBuilder<Tier> b)
    {
        b.Property(t => t.Name).HasMaxLength(60);
        b.Property(t => t.Threshold).HasPrecision(18, 2);
        b.Property(t => t.Description).HasMaxLength(1000);
        b.Property(t => t.Color).HasMaxLength(7);
        b.HasIndex(t => new { t.ProgramId, t.Rank }).IsUnique();
        b.HasMany(t => t.Benefits).WithOne().HasForeignKey(x => x.TierId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>What a tier gives: a discount, free shipping, exclusive offers, priority support, an earn multiplier.</summary>
public sealed class TierBenefit
{
    public int Id { get; set; }

    public int TierId { get; set; }

    public TierBenefitKind Kind { get; set; }

    /// <summary>Percent for a discount, factor for an earn multiplier; null for yes/no benefits.</summary>
    public decimal? Value { get; set; }

    public string? Description { get; set; }
}

public sealed class TierBenefitConfiguration : IEntityTypeConfiguration<TierBenefit>
{
    public void Configure(EntityTypeBuilder<TierBenefit> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.Value).HasPrecision(9, 4);
        b.Property(x => x.Description).HasMaxLength(500);
    }
}

/// <summary>Tier history: every move up or down, with the value that justified it.</summary>
public sealed class TierChange
{
    public long Id { get; set; }

    public int MembershipId { get; set; }

    public int? FromTierId { get; set; }

    public int? ToTierId { get; set; }

    public TierChangeReason Reason { get; set; }

    public decimal QualifyingValue { get; set; }

    public DateTimeOffset At { get; set; }
}

public sealed class TierChangeConfiguration : IEntityTypeConfiguration<TierChange>
{
    public void Configure(EntityTypeBuilder<TierChange> b)
    {
        b.Property(x => x.Reason).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.QualifyingValue).HasPrecision(18, 2);
        b.HasOne<LoyaltyMembership>().WithMany().HasForeignKey(x => x.MembershipId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Tier>().WithMany().HasForeignKey(x => x.FromTierId).OnDelete(DeleteBehavior.NoAction);
        b.HasOne<Tier>().WithMany().HasForeignKey(x => x.ToTierId).OnDelete(DeleteBehavior.NoAction);
        b.HasIndex(x => new { x.MembershipId, x.At });
    }
}
