using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VibeCrm.Data.Crm;

public enum ImportKind
{
    Customers = 0,
    Leads = 1,
}

public enum ImportStatus
{
    Uploaded = 0,
    Mapped = 1,
    Queued = 2,
    Running = 3,
    Completed = 4,
    Failed = 5,
    Cancelled = 6,
}

/// <summary>A CSV import: the uploaded file, the column mapping, progress and the outcome.</summary>
public sealed class ImportJob
{
    public int Id { get; set; }

    public ImportKind Kind { get; set; }

    public required string FileName { get; set; }

    /// <summary>Where the uploaded file is kept (tenant's own import folder).</summary>
    public required string StoredPath { get; set; }

    public long FileSize { get; set; }

    public string? Delimiter { get; set; }

    /// <summary>JSON: CSV header → target field.</summary>
    public string? MappingJson { get; set; }

    /// <summary>When false, one invalid row stops the whole import and nothing is written.</summary>
    public bool ImportValidRowsOnly { get; set; }

    public ImportStatus Status { get; set; }

    public int TotalRows { get; set; }

    public int ProcessedRows { get; set; }

    public int CreatedCount { get; set; }

    public int UpdatedCount { get; set; }

    public int SkippedCount { get; set; }

    public int ErrorCount { get; set; }

    public string? ErrorFilePath { get; set; }

    public string? Message { get; set; }

    public required string CreatedByUserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }
}

public sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> b)
    {
        b.Property(j => j.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(j => j.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(j => j.FileName).HasMaxLength(260);
        b.Property(j => j.StoredPath).HasMaxLength(1000);
        b.Property(j => j.Delimiter).HasMaxLength(4);
        b.Property(j => j.ErrorFilePath).HasMaxLength(1000);
        b.Property(j => j.Message).HasMaxLength(2000);
        b.Property(j => j.CreatedByUserId).HasMaxLength(450);
        b.HasIndex(j => j.CreatedAt);
    }
}
