using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VibeCrm.Data.Feedback;

/// <summary>One entry of an item's thread: a public or email reply, the customer's answer, an internal note, a workflow event.</summary>
public sealed class FeedbackMessage
{
    public int Id { get; set; }

    public int ItemId { get; set; }

    public FeedbackMessageKind Kind { get; set; }

    public string Body { get; set; } = "";

    /// <summary>The staff member who wrote it; null for the customer and the system.</summary>
    public string? AuthorUserId { get; set; }

    /// <summary>Email replies: where it went and when it left.</summary>
    public string? SentTo { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>Email replies: when the customer answered through its link (answered once).</summary>
    public DateTimeOffset? AnsweredAt { get; set; }

    /// <summary>Customer answers: the email reply they answered.</summary>
    public int? InReplyToId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class FeedbackMessageConfiguration : IEntityTypeConfiguration<FeedbackMessage>
{
    public void Configure(EntityTypeBuilder<FeedbackMessage> b)
    {
        b.Property(m => m.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(m => m.Body).HasMaxLength(4000);
        b.Property(m => m.AuthorUserId).HasMaxLength(450);
        b.Property(m => m.SentTo).HasMaxLength(256);
        b.HasOne<FeedbackItem>().WithMany().HasForeignKey(m => m.ItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => new { m.ItemId, m.CreatedAt });
        b.HasIndex(m => new { m.Kind, m.CreatedAt });
    }
}
