using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VibeCrm.Data.Sentiment;

/// <summary>The tenant's sentiment settings (one row, id 1, created on first use).</summary>
public sealed class SentimentSettings
{
    public const int SingletonId = 1;
    public const int DefaultRetrainThreshold = 20;

    public int Id { get; set; } = SingletonId;

    /// <summary>New corrections since the last attempt that trigger a retraining.</summary>
    public int RetrainThreshold { get; set; } = DefaultRetrainThreshold;

    /// <summary>Set when a retraining job is queued, cleared when it ends: one queued job at a time.</summary>
    public DateTimeOffset? RetrainQueuedAt { get; set; }
}

public sealed class SentimentSettingsConfiguration : IEntityTypeConfiguration<SentimentSettings>
{
    public void Configure(EntityTypeBuilder<SentimentSettings> b) => b.Property(s => s.Id).ValueGeneratedNever();
}
