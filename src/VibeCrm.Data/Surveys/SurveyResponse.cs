using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VibeCrm.Data.Crm;

namespace VibeCrm.Data.Surveys;

/// <summary>One submitted questionnaire. Unique per invitation: a link is answered once.</summary>
public sealed class SurveyResponse
{
    public int Id { get; set; }

    public int SurveyId { get; set; }

    public int InvitationId { get; set; }

    public int CustomerId { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    public List<SurveyAnswer> Answers { get; set; } = [];
}

/// <summary>
/// One answer to one question: <see cref="Number"/> for NPS and CSAT, <see cref="Choice"/> for choice questions (one row per
/// chosen option), <see cref="Text"/> for free text, which the sentiment job scores.
/// </summary>
public sealed class SurveyAnswer
{
    public long Id { get; set; }

    public int ResponseId { get; set; }

    public int QuestionId { get; set; }

    public int? Number { get; set; }

    public string? Choice { get; set; }

    public string? Text { get; set; }

    /// <summary>positive, neutral or negative; null until scored.</summary>
    public string? SentimentLabel { get; set; }

    /// <summary>P(positive) − P(negative), in [-1, 1].</summary>
    public float? SentimentScore { get; set; }

    public float? SentimentConfidence { get; set; }

    public string? SentimentModel { get; set; }

    public DateTimeOffset? ScoredAt { get; set; }
}

public sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> b)
    {
        b.HasOne<Survey>().WithMany().HasForeignKey(r => r.SurveyId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<SurveyInvitation>().WithMany().HasForeignKey(r => r.InvitationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Customer>().WithMany().HasForeignKey(r => r.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => r.InvitationId).IsUnique();
        b.HasIndex(r => new { r.SurveyId, r.SubmittedAt });
        b.HasIndex(r => new { r.CustomerId, r.SubmittedAt });
        b.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class SurveyAnswerConfiguration : IEntityTypeConfiguration<SurveyAnswer>
{
    public void Configure(EntityTypeBuilder<SurveyAnswer> b)
    {
        b.Property(a => a.Choice).HasMaxLength(100);
        b.Property(a => a.Text).HasMaxLength(2000);
        b.Property(a => a.SentimentLabel).HasMaxLength(16);
        b.Property(a => a.SentimentModel).HasMaxLength(64);
        b.HasOne<SurveyQuestion>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.QuestionId, a.Number });
        b.HasIndex(a => new { a.QuestionId, a.Choice });
        b.HasIndex(a => a.ResponseId);
    }
}
