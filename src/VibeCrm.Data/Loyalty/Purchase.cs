using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VibeCrm.Data.Loyalty;

/// <summary>A purchase reported by the till; (ProgramId, ExternalId) is unique so a retried call earns once.</summary>
public sealed class Purchase
{
    public int Id { get; set; }

    public int ProgramId { get; set; }

    public int MembershipId { get; set; }

    /// <summary>The till's receipt or order id.</summary>
    public string ExternalId { get; set; } = "";

    public decimal Total { get; set; }

    public string Currency { get; set; } = "EUR";

    public string? PaymentMethod { get; set; }

    public string? StoreCode { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public int PointsEarned { get; set; }

    /// <summary>Flat bonus points of the purchase (first purchase), part of <see cref="PointsEarned"/>; reversed on a full refund.</summary>
    public int BonusPoints { get; set; }

    public int PointsReversed { get; set; }

    public decimal RefundedAmount { get; set; }

    /// <summary>End of the return window: the purchase counts for tiers from then on.</summary>
    public DateTimeOffset AvailableAt { get; set; }

    public List<PurchaseLine> Lines { get; set; } = [];
}

public sealed class PurchaseConfiguration : IEntityTypeConfiguration<Purchase>
{
    public void Configure(EntityTypeBuilder<Purchase> b)
    {
        b.ToTable("LoyaltyPurchases");
        b.Property(p => p.ExternalId).HasMaxLength(100);
        b.Property(p => p.Total).HasPrecision(18, 2);
        b.Property(p => p.RefundedAmount).HasPrecision(18, 2);
        b.Property(p => p.Currency).HasMaxLength(3);
        b.Property(p => p.PaymentMethod).HasMaxLength(40);
        b.Property(p => p.StoreCode).HasMaxLength(64);
        b.HasOne<LoyaltyProgram>().WithMany().HasForeignKey(p => p.ProgramId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<LoyaltyMembership>().WithMany().HasForeignKey(p => p.MembershipId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.ProgramId, p.ExternalId }).IsUnique();
        b.HasIndex(p => new { p.MembershipId, p.OccurredAt });
        b.HasMany(p => p.Lines).WithOne().HasForeignKey(l => l.PurchaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class PurchaseLine
{
    public int Id { get; set; }

    public int PurchaseId { get; set; }

    public string Sku { get; set; } = "";

    public string Name { get; set; } = "";

    public string? Category { get; set; }

    public decimal Quantity { get; set; }

    public decimal UnitPrice { get; set; }

    /// <summary>This line's share of the purchase points (bonus excluded).</summary>
    public int Points { get; set; }

    public decimal RefundedQuantity { get; set; }

    public int PointsReversed { get; set; }
}

public sealed class PurchaseLineConfiguration : IEntityTypeConfiguration<PurchaseLine>
{
    public void Configure(EntityTypeBuilder<PurchaseLine> b)
    {
        b.ToTable("LoyaltyPurchaseLines");
        b.Property(l => l.Sku).HasMaxLength(64);
        b.Property(l => l.Name).HasMaxLength(200);
        b.Property(l => l.Category).HasMaxLength(100);
        b.Property(l => l.Quantity).HasPrecision(18, 3);
        b.Property(l => l.UnitPrice).HasPrecision(18, 2);
        b.Property(l => l.RefundedQuantity).HasPrecision(18, 3);
    }
}
