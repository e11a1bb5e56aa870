using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VibeCrm.Data.PosApi;

/// <summary>
/// A key the merchant's till uses for the POS API. Only the SHA-256 of the secret is stored; <see cref="Prefix"/> is the
/// visible start of the key (shown in the list, used to find the row) and carries no secret.
/// </summary>
public sealed class ApiKey
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>Public part of the key, unique: <c>vk_{tenant}_{8 chars}</c>.</summary>
    public string Prefix { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 of the whole key.</summary>
    public string SecretHash { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public string? CreatedByUserId { get; set; }

    /// <summary>Updated at most once a minute.</summary>
    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public string? RevokedByUserId { get; set; }
}

public sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.ToTable("PosApiKeys");
        b.Property(k => k.Name).HasMaxLength(100);
        b.Property(k => k.Prefix).HasMaxLength(120);
        b.Property(k => k.SecretHash).HasMaxLength(64);
        b.Property(k => k.CreatedByUserId).HasMaxLength(450);
        b.Property(k => k.RevokedByUserId).HasMaxLength(450);
        b.HasIndex(k => k.Prefix).IsUnique();
    }
}
