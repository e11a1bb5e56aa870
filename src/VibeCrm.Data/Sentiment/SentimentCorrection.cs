using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VibeCrm.Data.Sentiment;

/// <summary>
/// A staff member's correction of a sentiment label: the text as it was scored, the label staff chose and where the
/// text came from (a review, a complaint, a survey answer...). Kept per tenant; the tenant model is retrained on them.
/// </summary>
public sealed class SentimentCorrection
{
    public const int TextMaxLength = 4000;

    public long Id { get; set; }

    public required string Text { get; set; }

    /// <summary>positive, neutral or negative.</summary>
    public required string Label { get; set; }

    /// <summary>What kind of record the text belongs to, e.g. "feedback", "survey-answer".</summary>
    public required string SourceKind { get; set; }

    public required string SourceId { get; set; }

    public required string StaffUserId { get; set; }

    public DateTimeOffset CorrectedAt { get; set; }
}

public sealed class SentimentCorrectionConfiguration : IEntityTypeConfiguration<SentimentCorrection>
{
    public void Configure(EntityTypeBuilder<SentimentCorrection> b)
    {
        b.Property(c => c.Text).HasMaxLength(SentimentCorrection.TextMaxLength);
        b.Property(c => c.Label).HasMaxLength(16);
        b.Property(c => c.SourceKind).HasMaxLength(32);
        b.Property(c => c.SourceId).HasMaxLength(64);
        b.Property(c => c.StaffUserId).HasMaxLength(450);
        b.HasIndex(c => new { c.SourceKind, c.SourceId });
        b.HasIndex(c => c.CorrectedAt);
    }
}
