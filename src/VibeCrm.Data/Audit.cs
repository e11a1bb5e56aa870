using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VibeCrm.Data;

/// <summary>Marks an entity whose creates, updates and deletes are written to the audit trail automatically.</summary>
public interface IAudited
{
    int Id { get; }
}

/// <summary>Who changed what and when. Written in the same SaveChanges as the change itself.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    /// <summary>The entity's type name, e.g. Customer.</summary>
    public required string EntityType { get; set; }

    public int EntityId { get; set; }

    /// <summary>Created, Updated, Deleted, or a domain word such as Merged, Erased, Converted.</summary>
    public required string Action { get; set; }

    /// <summary>JSON object: property → [old, new]. Empty for creates of large records.</summary>
    public string? ChangesJson { get; set; }

    public string? UserId { get; set; }

    public string? UserName { get; set; }

    public DateTimeOffset At { get; set; }
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(a => a.EntityType).HasMaxLength(40);
        b.Property(a => a.Action).HasMaxLength(20);
        b.Property(a => a.UserId).HasMaxLength(450);
        b.Property(a => a.UserName).HasMaxLength(256);
        b.HasIndex(a => new { a.EntityType, a.EntityId, a.At });
        b.HasIndex(a => a.At);
        b.HasIndex(a => new { a.UserId, a.At });
    }
}
