using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VibeCrm.Data.Crm;

/// <summary>A column of the sales pipeline; the tenant configures them.</summary>
public sealed class PipelineStage
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public int SortOrder { get; set; }

    /// <summary>0–100.</summary>
    public int DefaultProbability { get; set; }

    public StageKind Kind { get; set; }

    public bool IsArchived { get; set; }
}

/// <summary>A possible sale to a customer or a lead. Changes are audited.</summary>
public sealed class Opportunity : IAudited
{
    public int Id { get; set; }

    public int? CustomerId { get; set; }

    public int? LeadId { get; set; }

    public required string Title { get; set; }

    public decimal Amount { get; set; }

    /// <summary>ISO 4217.</summary>
    public required string Currency { get; set; }

    public int StageId { get; set; }

    /// <summary>0–100; null means the stage's default.</summary>
    public int? Probability { get; set; }

    public DateOnly? ExpectedCloseOn { get; set; }

    public string? OwnerUserId { get; set; }

    public string? LostReason { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>Position within its column on the board.</summary>
    public int BoardOrder { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");
}

/// <summary>Every move between stages, kept for won/lost history and pipeline analytics.</summary>
public sealed class OpportunityStageChange
{
    public long Id { get; set; }

    public int OpportunityId { get; set; }

    public int? FromStageId { get; set; }

    public int ToStageId { get; set; }

    public DateTimeOffset ChangedAt { get; set; }

    public string? ChangedByUserId { get; set; }
}

public sealed class OpportunityConfiguration :
    IEntityTypeConfiguration<PipelineStage>, IEntityTypeConfiguration<Opportunity>, IEntityTypeConfiguration<OpportunityStageChange>
{
    public void Configure(EntityTypeBuilder<PipelineStage> b)
    {
        b.Property(s => s.Name).HasMaxLength(60);
        b.Property(s => s.Kind).HasConversion<string>().HasMaxLength(8);
    }

    public void Configure(EntityTypeBuilder<Opportunity> b)
    {
        b.Property(o => o.Title).HasMaxLength(200);
        b.Property(o => o.Amount).HasPrecision(18, 2);
        b.Property(o => o.Currency).HasMaxLength(3);
        b.Property(o => o.OwnerUserId).HasMaxLength(450);
        b.Property(o => o.LostReason).HasMaxLength(500);
        b.Property(o => o.ConcurrencyStamp).HasMaxLength(32).IsConcurrencyToken();
        b.HasOne<Customer>().WithMany().HasForeignKey(o => o.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Lead>().WithMany().HasForeignKey(o => o.LeadId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<PipelineStage>().WithMany().HasForeignKey(o => o.StageId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(o => new { o.StageId, o.BoardOrder });
        b.HasIndex(o => o.CustomerId);
        b.HasIndex(o => o.LeadId);
        b.HasIndex(o => new { o.OwnerUserId, o.StageId });
    }

    public void Configure(EntityTypeBuilder<OpportunityStageChange> b)
    {
        b.Property(c => c.ChangedByUserId).HasMaxLength(450);
        b.HasOne<Opportunity>().WithMany().HasForeignKey(c => c.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.OpportunityId, c.ChangedAt });
        b.HasIndex(c => new { c.ToStageId, c.ChangedAt });
    }
}
