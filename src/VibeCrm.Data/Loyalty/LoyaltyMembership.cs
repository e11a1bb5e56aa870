using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VibeCrm.Data.Crm;

namespace VibeCrm.Data.Loyalty;

/// <summary>
/// A customer in a program. The balances are a cache of the ledger (sums of <see cref="LedgerEntry.ActiveDelta"/> and
/// <see cref="LedgerEntry.PendingDelta"/>), written only by the ledger service together with the entries, guarded by
/// <see cref="ConcurrencyStamp"/>. <see cref="ActivePoints"/> may be negative after a refund of already spent points.
/// </summary>
public sealed class LoyaltyMembership
{
    public int Id { get; set; }

    public int ProgramId { get; set; }

    public int CustomerId { get; set; }

    /// <summary>
    /// The member card number (16 random digits, unique in the tenant): printed on the card and in its QR code
    /// (<see cref="MemberCard.QrPayload"/>), typed or scanned at the till. Assigned when the membership is created.
    /// </summary>
    public string CardNumber { get; set; } = MemberCard.NewNumber();

    /// <summary>Spendable points (cache of the ledger).</summary>
    public int ActivePoints { get; set; }

    /// <summary>Points locked for the return window (cache of the ledger).</summary>
    public int PendingPoints { get; set; }

    public int? CurrentTierId { get; set; }

    public DateTimeOffset? TierReachedAt { get; set; }

    public DateTimeOffset JoinedAt { get; set; }

    /// <summary>Last purchase, redemption or bonus; drives inactivity expiry.</summary>
    public DateTimeOffset LastActivityAt { get; set; }

    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");
}

public sealed class LoyaltyMembershipConfiguration : IEntityTypeConfiguration<LoyaltyMembership>
{
    public void Configure(EntityTypeBuilder<LoyaltyMembership> b)
    {
        b.ToTable("LoyaltyMemberships");
        b.Property(m => m.ConcurrencyStamp).HasMaxLength(32).IsConcurrencyToken();
        b.HasOne<LoyaltyProgram>().WithMany().HasForeignKey(m => m.ProgramId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Customer>().WithMany().HasForeignKey(m => m.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Tier>().WithMany().HasForeignKey(m => m.CurrentTierId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(m => new { m.ProgramId, m.CustomerId }).IsUnique();
        b.HasIndex(m => m.CustomerId);
        b.Property(m => m.CardNumber).HasMaxLength(MemberCard.Length).IsUnicode(false);
        b.HasIndex(m => m.CardNumber).IsUnique();
        b.HasIndex(m => new { m.ProgramId, m.LastActivityAt });
        b.HasIndex(m => new { m.ProgramId, m.CurrentTierId, m.LastActivityAt });
    }
}

/// <summary>
/// Points credited together (one purchase, bonus or adjustment). Spends draw from lots oldest-expiring first;
/// <see cref="Remaining"/> is a cache of the sum of the lot's <see cref="LedgerAllocation"/>s and never goes below zero.
/// </summary>
public sealed class PointLot
{
    public int Id { get; set; }

    public int ProgramId { get; set; }

    public int MembershipId { get; set; }

    public LotKind Kind { get; set; }

    /// <summary>Points credited when the lot was created.</summary>
    public int Points { get; set; }

    /// <summary>Points still available in the lot.</summary>
    public int Remaining { get; set; }

    /// <summary>Points of this lot taken back by refunds (wherever they were drawn from); lowers tier qualification.</summary>
    public int Reversed { get; set; }

    /// <summary>Locked for the return window until <see cref="AvailableAt"/>.</summary>
    public bool IsPending { get; set; }

    public DateTimeOffset EarnedAt { get; set; }

    public DateTimeOffset AvailableAt { get; set; }

    /// <summary>Null: never (or inactivity expiry, which is per membership).</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    public int? PurchaseId { get; set; }

    /// <summary>Set instead of <see cref="PurchaseId"/> when the purchase is saved with the lot (its id not known yet).</summary>
    public Purchase? Purchase { get; set; }

    /// <summary>The entry that created the lot.</summary>
    public long SourceEntryId { get; set; }

    public LedgerEntry? SourceEntry { get; set; }
}

public sealed class PointLotConfiguration : IEntityTypeConfiguration<PointLot>
{
    public void Configure(EntityTypeBuilder<PointLot> b)
    {
        b.Property(l => l.Kind).HasConversion<string>().HasMaxLength(16);
        b.HasOne<LoyaltyMembership>().WithMany().HasForeignKey(l => l.MembershipId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(l => l.Purchase).WithMany().HasForeignKey(l => l.PurchaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(l => l.SourceEntry).WithMany().HasForeignKey(l => l.SourceEntryId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(l => new { l.MembershipId, l.IsPending, l.Remaining });
        b.HasIndex(l => new { l.IsPending, l.AvailableAt });
        b.HasIndex(l => new { l.ExpiresAt, l.Remaining });
        b.HasIndex(l => l.PurchaseId);
        b.ToTable(t => t.HasCheckConstraint("CK_PointLots_Remaining", "\"Remaining\" >= 0"));
    }
}
