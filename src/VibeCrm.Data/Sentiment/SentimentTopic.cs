using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VibeCrm.Data.Sentiment;

/// <summary>
/// A topic of the tenant's own ("parking", "terrace"), or extra keywords for a built-in topic when the name is one of
/// them ("food": "brisket, burnt ends").
/// </summary>
public sealed class SentimentTopic
{
    public const int NameMaxLength = 40;
    public const int KeywordsMaxLength = 2000;

    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>Lowercased name, unique per tenant.</summary>
    public required string NormalizedName { get; set; }

    /// <summary>Comma-separated keywords; a keyword may be several words or end with '*' (prefix).</summary>
    public required string Keywords { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class SentimentTopicConfiguration : IEntityTypeConfiguration<SentimentTopic>
{
    public void Configure(EntityTypeBuilder<SentimentTopic> b)
    {
        b.Property(t => t.Name).HasMaxLength(SentimentTopic.NameMaxLength);
        b.Property(t => t.NormalizedName).HasMaxLength(SentimentTopic.NameMaxLength);
        b.Property(t => t.Keywords).HasMaxLength(SentimentTopic.KeywordsMaxLength);
        b.HasIndex(t => t.NormalizedName).IsUnique();
    }
}
