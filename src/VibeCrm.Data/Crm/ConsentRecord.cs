using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VibeCrm.Data.Crm;

/// <summary>
/// One consent decision for one channel: granted or withdrawn, when, how and by whom. Append-only:
/// the current consent is the latest record per channel; history is never overwritten.
/// </summary>
public sealed class ConsentRecord
{
    public long Id { get; set; }

    public int CustomerId { get; set; }

    public ContactChannel Channel { get; set; }

    public bool Granted { get; set; }

    public RecordSource Source { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>The staff member who recorded it, when it came from staff.</summary>
    public string? RecordedByUserId { get; set; }

    public string? Note { get; set; }
}

public sealed class ConsentRecordConfiguration : IEntityTypeConfiguration<ConsentRecord>
{
    public void Configure(EntityTypeBuilder<ConsentRecord> b)
    {
        b.Property(c => c.Channel).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.Source).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.RecordedByUserId).HasMaxLength(450);
        b.Property(c => c.Note).HasMaxLength(500);
        b.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.CustomerId, c.Channel, c.RecordedAt });
    }
}
