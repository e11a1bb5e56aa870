using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VibeCrm.Data.Crm;

namespace VibeCrm.Data.Feedback;

/// <summary>A review, complaint, suggestion or message from a customer, with its sentiment and its place in the workflow.</summary>
public sealed class FeedbackItem
{
    public int Id { get; set; }

    public FeedbackType Type { get; set; }

    public FeedbackChannel Channel { get; set; }

    /// <summary>The customer, when known.</summary>
    public int? CustomerId { get; set; }

    /// <summary>Name and email given when there is no customer record (POS, staff entry).</summary>
    public string? ContactName { get; set; }

    public string? ContactEmail { get; set; }

    /// <summary>1–5 stars (reviews; optional on other types).</summary>
    public int? Rating { get; set; }

    public string? Title { get; set; }

    public string Text { get; set; } = "";

    public string? Store { get; set; }

    public string? Product { get; set; }

    /// <summary>The purchase a review invitation was sent for (receipt number).</summary>
    public string? PurchaseReference { get; set; }

    /// <summary>Set for items answered through a signed public link: the link's identity, so it is answered once.</summary>
    public string? LinkKey { get; set; }

    /// <summary>Reviews only; null for other types, which are never public.</summary>
    public ModerationState? Moderation { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public string? SentimentLabel { get; set; }

    public float? SentimentConfidence { get; set; }

    public float? SentimentScore { get; set; }

    public string? SentimentModel { get; set; }

    /// <summary>Comma-separated topic keys, wrapped in commas (",food,service,") so a topic filter is one LIKE.</summary>
    public string? Topics { get; set; }

    public DateTimeOffset? ScoredAt { get; set; }

    /// <summary>A staff member's correction of the model's label (kept for the tenant's retraining).</summary>
    public string? CorrectedLabel { get; set; }

    public string? CorrectedByUserId { get; set; }

    public DateTimeOffset? CorrectedAt { get; set; }

    public FeedbackStatus Status { get; set; }

    public FeedbackPriority Priority { get; set; }

    /// <summary>True once staff set the priority by hand: the automatic rule no longer changes it.</summary>
    public bool PriorityManual { get; set; }

    public string? AssigneeUserId { get; set; }

    public DateTimeOffset FirstResponseDueAt { get; set; }

    public DateTimeOffset ResolutionDueAt { get; set; }

    public DateTimeOffset? FirstResponseAt { get; set; }

    /// <summary>Minutes from creation to the first response (kept so averages run in the database).</summary>
    public int? FirstResponseMinutes { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    /// <summary>Minutes from creation to resolution.</summary>
    public int? ResolutionMinutes { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>When the one-question CSAT follow-up was sent after resolution.</summary>
    public DateTimeOffset? CsatSentAt { get; set; }

    /// <summary>1–5, answered once.</summary>
    public int? CsatRating { get; set; }

    public DateTimeOffset? CsatAnsweredAt { get; set; }

    /// <summary>The staff member who entered it (phone, walk-in, email).</summary>
    public string? EnteredByUserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class FeedbackItemConfiguration : IEntityTypeConfiguration<FeedbackItem>
{
    public void Configure(EntityTypeBuilder<FeedbackItem> b)
    {
        b.Property(i => i.Type).HasConversion<string>().HasMaxLength(16);
        b.Property(i => i.Channel).HasConversion<string>().HasMaxLength(16);
        b.Property(i => i.Moderation).HasConversion<string>().HasMaxLength(16);
        b.Property(i => i.Status).HasConversion<string>().HasMaxLength(24);
        b.Property(i => i.Priority).HasConversion<string>().HasMaxLength(16);
        b.Property(i => i.ContactName).HasMaxLength(200);
        b.Property(i => i.ContactEmail).HasMaxLength(256);
        b.Property(i => i.Title).HasMaxLength(200);
        b.Property(i => i.Text).HasMaxLength(4000);
        b.Property(i => i.Store).HasMaxLength(100);
        b.Property(i => i.Product).HasMaxLength(100);
        b.Property(i => i.PurchaseReference).HasMaxLength(64);
        b.Property(i => i.LinkKey).HasMaxLength(128);
        b.Property(i => i.SentimentLabel).HasMaxLength(16);
        b.Property(i => i.SentimentModel).HasMaxLength(64);
        b.Property(i => i.Topics).HasMaxLength(400);
        b.Property(i => i.CorrectedLabel).HasMaxLength(16);
        b.Property(i => i.CorrectedByUserId).HasMaxLength(450);
        b.Property(i => i.AssigneeUserId).HasMaxLength(450);
        b.Property(i => i.EnteredByUserId).HasMaxLength(450);
        b.HasOne<Customer>().WithMany().HasForeignKey(i => i.CustomerId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(i => i.LinkKey).IsUnique();
        b.HasIndex(i => new { i.CustomerId, i.CreatedAt });
        b.HasIndex(i => i.CreatedAt);
        b.HasIndex(i => new { i.Status, i.Priority });
        b.HasIndex(i => new { i.AssigneeUserId, i.Status });
        b.HasIndex(i => new { i.Moderation, i.PublishedAt });
        b.HasIndex(i => i.ScoredAt);
        b.HasIndex(i => i.CorrectedAt);
    }
}
