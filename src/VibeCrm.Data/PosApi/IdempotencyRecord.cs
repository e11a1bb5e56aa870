using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VibeCrm.Data.PosApi;

/// <summary>
/// One <c>Idempotency-Key</c> of one API key: claimed (inserted) before the request runs, completed with the response
/// that is replayed to retries. The unique (ApiKeyId, Key) index is what makes concurrent retries safe.
/// </summary>
public sealed class IdempotencyRecord
{
    public long Id { get; set; }

    public int ApiKeyId { get; set; }

    public string Key { get; set; } = "";

    /// <summary>Hex SHA-256 of method, path and body.</summary>
    public string RequestHash { get; set; } = "";

    /// <summary>Null while the first request is still running.</summary>
    public int? ResponseStatus { get; set; }

    public string? ResponseContentType { get; set; }

    public string? ResponseBody { get; set; }

    /// <summary>The <c>Location</c> header of a 201, replayed with the body.</summary>
    public string? ResponseLocation { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }
}

public sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> b)
    {
        b.ToTable("PosIdempotencyKeys");
        b.Property(r => r.Key).HasMaxLength(255);
        b.Property(r => r.RequestHash).HasMaxLength(64);
        b.Property(r => r.ResponseContentType).HasMaxLength(100);
        b.Property(r => r.ResponseLocation).HasMaxLength(500);
        b.HasOne<ApiKey>().WithMany().HasForeignKey(r => r.ApiKeyId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.ApiKeyId, r.Key }).IsUnique();
        b.HasIndex(r => r.CreatedAt);
    }
}
