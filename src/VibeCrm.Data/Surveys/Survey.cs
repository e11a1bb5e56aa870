using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VibeCrm.Data.Surveys;

public enum SurveyStatus
{
    Draft = 0,
    Open = 1,
    Closed = 2,
}

public enum QuestionKind
{
    /// <summary>Net Promoter Score: 0–10.</summary>
    Nps = 0,

    /// <summary>Customer satisfaction: 1–5.</summary>
    Csat = 1,

    SingleChoice = 2,

    MultipleChoice = 3,

    FreeText = 4,
}

/// <summary>A questionnaire sent to customers by email. Once it has responses its questions are frozen; a new version is a copy.</summary>
public sealed class Survey
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public string? Intro { get; set; }

    public string? ThankYou { get; set; }

    public SurveyStatus Status { get; set; }

    /// <summary>1 for a new survey; a duplicate gets the next number of its family.</summary>
    public int Version { get; set; } = 1;

    /// <summary>The survey this one was duplicated from.</summary>
    public int? CopiedFromId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? OpenedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public List<SurveyQuestion> Questions { get; set; } = [];
}

/// <summary>One question; <see cref="Options"/> (one per line) only for choice questions.</summary>
public sealed class SurveyQuestion
{
    public int Id { get; set; }

    public int SurveyId { get; set; }

    /// <summary>Order in the survey, from 1.</summary>
    public int Position { get; set; }

    public QuestionKind Kind { get; set; }

    public string Text { get; set; } = "";

    public bool Required { get; set; }

    /// <summary>Choice options separated by new lines, in display order.</summary>
    public string? Options { get; set; }

    public IReadOnlyList<string> OptionList() =>
        string.IsNullOrEmpty(Options) ? [] : Options.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

public sealed class SurveyConfiguration : IEntityTypeConfiguration<Survey>
{
    public void Configure(EntityTypeBuilder<Survey> b)
    {
        b.Property(s => s.Name).HasMaxLength(100);
        b.Property(s => s.Intro).HasMaxLength(2000);
        b.Property(s => s.ThankYou).HasMaxLength(1000);
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(s => new { s.Status, s.CreatedAt });
        b.HasMany(s => s.Questions).WithOne().HasForeignKey(q => q.SurveyId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class SurveyQuestionConfiguration : IEntityTypeConfiguration<SurveyQuestion>
{
    public void Configure(EntityTypeBuilder<SurveyQuestion> b)
    {
        b.Property(q => q.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(q => q.Text).HasMaxLength(300);
        b.Property(q => q.Options).HasMaxLength(2100);
        b.HasIndex(q => new { q.SurveyId, q.Position });
    }
}
