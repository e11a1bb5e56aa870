using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VibeCrm.Data.Feedback;

/// <summary>The merchant's feedback rules: one row (id 1).</summary>
public sealed class FeedbackSettings
{
    public const int SingletonId = 1;

    /// <summary>A review with at least this many stars is published automatically; lower ones are held for review. 6 = never.</summary>
    public int AutoPublishMinRating { get; set; } = 4;

    /// <summary>New items are assigned round-robin among active agents.</summary>
    public bool AutoAssign { get; set; } = true;

    public int UrgentFirstResponseHours { get; set; } = 2;

    public int UrgentResolutionHours { get; set; } = 24;

    public int HighFirstResponseHours { get; set; } = 8;

    public int HighResolutionHours { get; set; } = 72;

    public int NormalFirstResponseHours { get; set; } = 24;

    public int NormalResolutionHours { get; set; } = 120;

    public int LowFirstResponseHours { get; set; } = 72;

    public int LowResolutionHours { get; set; } = 240;

    public int Id { get; set; } = SingletonId;

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>The round-robin pointer: who was assigned last. Guarded by <see cref="Version"/> so concurrent assignments never pick the same turn.</summary>
public sealed class FeedbackAssignmentCursor
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public string? LastUserId { get; set; }

    public long Version { get; set; }
}

public sealed class FeedbackSettingsConfiguration : IEntityTypeConfiguration<FeedbackSettings>
{
    public void Configure(EntityTypeBuilder<FeedbackSettings> b) => b.Property(s => s.Id).ValueGeneratedNever();
}

public sealed class FeedbackAssignmentCursorConfiguration : IEntityTypeConfiguration<FeedbackAssignmentCursor>
{
    public void Configure(EntityTypeBuilder<FeedbackAssignmentCursor> b)
    {
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.LastUserId).HasMaxLength(450);
        b.Property(c => c.Version).IsConcurrencyToken();
    }
}
