using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VibeCrm.Data.Loyalty;

/// <summary>
/// One append-only row of the points ledger. The balance is the sum of the deltas; rows are never updated or deleted.
/// Earn, Bonus and positive Adjust create a lot; spends (Redeem, Expire, RefundReversal, negative Adjust) draw from lots
/// through <see cref="LedgerAllocation"/>s; CancelRedemption gives back to the very lots the redemption drew from.
/// </summary>
public sealed class LedgerEntry
{
    public long Id { get; set; }

    public int ProgramId { get; set; }

    public int MembershipId { get; set; }

    public LedgerEntryType Type { get; set; }

    /// <summary>Change of the spendable balance.</summary>
    public int ActiveDelta { get; set; }

    /// <summary>Change of the pending (locked) balance.</summary>
    public int PendingDelta { get; set; }

    /// <summary>When it happened in business terms (purchase time); <see cref="RecordedAt"/> is when it was written.</summary>
    public DateTimeOffset OccurredAt { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public int? PurchaseId { get; set; }

    /// <summary>Set instead of <see cref="PurchaseId"/> when the purchase is saved with the entry (its id not known yet).</summary>
    public Purchase? Purchase { get; set; }

    public int? RedemptionId { get; set; }

    /// <summary>The lot a PendingRelease or Expire is about. A credited lot (Earn, Bonus, Adjust +) names its entry instead: <see cref="PointLot.SourceEntryId"/>.</summary>
    public int? LotId { get; set; }

    /// <summary>Staff member of an adjustment.</summary>
    public string? StaffUserId { get; set; }

    /// <summary>Required for adjustments; free text elsewhere (rule names, refund reference).</summary>
    public string? Reason { get; set; }

    /// <summary>Unique per membership when set: makes bonuses and refunds safe to retry (e.g. "review:42", "refund:R-1").</summary>
    public string? IdempotencyKey { get; set; }

    public List<LedgerAllocation> Allocations { get; set; } = [];
}

public sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> b)
    {
        b.ToTable("LedgerEntries");
        b.Property(e => e.Type).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.StaffUserId).HasMaxLength(450);
        b.Property(e => e.Reason).HasMaxLength(500);
        b.Property(e => e.IdempotencyKey).HasMaxLength(120);
        b.HasOne<LoyaltyMembership>().WithMany().HasForeignKey(e => e.MembershipId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(e => e.Purchase).WithMany().HasForeignKey(e => e.PurchaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => new { e.MembershipId, e.Id });
        b.HasIndex(e => new { e.MembershipId, e.IdempotencyKey }).IsUnique().HasFilter("\"IdempotencyKey\" IS NOT NULL");
        b.HasIndex(e => e.PurchaseId);
        b.HasIndex(e => e.RedemptionId);
        b.HasIndex(e => e.LotId);
        b.HasIndex(e => new { e.ProgramId, e.Type, e.OccurredAt });
        b.HasMany(e => e.Allocations).WithOne().HasForeignKey(a => a.EntryId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>How much of an entry drew from (negative) or went to (positive) one lot.</summary>
public sealed class LedgerAllocation
{
    public long Id { get; set; }

    public long EntryId { get; set; }

    public int LotId { get; set; }

    public int Points { get; set; }

    public PointLot? Lot { get; set; }
}

public sealed class LedgerAllocationConfiguration : IEntityTypeConfiguration<LedgerAllocation>
{
    public void Configure(EntityTypeBuilder<LedgerAllocation> b)
    {
        b.ToTable("LedgerAllocations");
        b.HasOne(a => a.Lot).WithMany().HasForeignKey(a => a.LotId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => a.LotId);
    }
}

/// <summary>A breach of a ledger invariant found by the scheduled check; kept until someone looks at it.</summary>
public sealed class LoyaltyInvariantBreach
{
    public long Id { get; set; }

    public int? MembershipId { get; set; }

    public int? LotId { get; set; }

    /// <summary>Short code: ActiveBalance, PendingBalance, LotNegative, LotAllocations, LotSum.</summary>
    public string Kind { get; set; } = "";

    public string Details { get; set; } = "";

    public DateTimeOffset DetectedAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }
}

public sealed class LoyaltyInvariantBreachConfiguration : IEntityTypeConfiguration<LoyaltyInvariantBreach>
{
    public void Configure(EntityTypeBuilder<LoyaltyInvariantBreach> b)
    {
        b.Property(x => x.Kind).HasMaxLength(32);
        b.Property(x => x.Details).HasMaxLength(1000);
        b.HasIndex(x => new { x.ResolvedAt, x.DetectedAt });
    }
}
