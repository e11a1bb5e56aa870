using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VibeCrm.Data.Sentiment;

/// <summary>
/// One retraining attempt of the tenant's sentiment model: what it was trained on, how the candidate and the model in
/// use (the incumbent) scored, and whether it was accepted. An accepted attempt keeps its model (ML.NET zip) and
/// becomes the active one; at most one row is active, none means the shipped base model is in use.
/// </summary>
public sealed class SentimentModelVersion
{
    public int Id { get; set; }

    /// <summary>1, 2, 3... per tenant, in attempt order.</summary>
    public int Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>manual, threshold or schedule.</summary>
    public required string Trigger { get; set; }

    /// <summary>Training rows, base corpus lines plus weighted corrections.</summary>
    public int TrainingRows { get; set; }

    /// <summary>Distinct corrections the candidate was trained on.</summary>
    public int CorrectionsUsed { get; set; }

    /// <summary>The newest corrections kept out of training and used for evaluation.</summary>
    public int CorrectionsEvaluated { get; set; }

    /// <summary>Highest correction id this attempt saw: corrections after it count towards the next attempt.</summary>
    public long LastCorrectionId { get; set; }

    /// <summary>"base" or "v{N}": the model the candidate was compared with.</summary>
    public required string IncumbentName { get; set; }

    public double CandidateHeldOutAccuracy { get; set; }

    public double CandidateHeldOutMacroF1 { get; set; }

    public double CandidateRecentAccuracy { get; set; }

    public double CandidateRecentMacroF1 { get; set; }

    public double CandidateCombinedMacroF1 { get; set; }

    public double IncumbentHeldOutAccuracy { get; set; }

    public double IncumbentHeldOutMacroF1 { get; set; }

    public double IncumbentRecentAccuracy { get; set; }

    public double IncumbentRecentMacroF1 { get; set; }

    public double IncumbentCombinedMacroF1 { get; set; }

    public bool Accepted { get; set; }

    /// <summary>Why it was accepted or refused, in plain words for the settings page.</summary>
    public required string Reason { get; set; }

    public bool IsActive { get; set; }

    public DateTimeOffset? ActivatedAt { get; set; }

    /// <summary>The trained model (ML.NET zip); kept for accepted attempts only.</summary>
    public byte[]? ModelZip { get; set; }
}

public sealed class SentimentModelVersionConfiguration : IEntityTypeConfiguration<SentimentModelVersion>
{
    public void Configure(EntityTypeBuilder<SentimentModelVersion> b)
    {
        b.Property(v => v.Trigger).HasMaxLength(16);
        b.Property(v => v.IncumbentName).HasMaxLength(16);
        b.Property(v => v.Reason).HasMaxLength(1000);
        b.HasIndex(v => v.Version).IsUnique();
        b.HasIndex(v => v.IsActive);
    }
}
