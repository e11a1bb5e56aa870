using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VibeCrm.Data.Crm;

/// <summary>A call, email, meeting, support ticket, SMS or note with a customer or a lead. Changes are audited.</summary>
public sealed class Interaction : IAudited
{
    public int Id { get; set; }

    public int? CustomerId { get; set; }

    public int? LeadId { get; set; }

    public InteractionType Type { get; set; }

    public InteractionDirection Direction { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public int? DurationMinutes { get; set; }

    /// <summary>The staff member who had the interaction.</summary>
    public string? StaffUserId { get; set; }

    public string Subject { get; set; } = "";

    public string? Body { get; set; }

    public string? Outcome { get; set; }

    /// <summary>When someone should follow up; shows in "My follow-ups" until done.</summary>
    public DateOnly? FollowUpOn { get; set; }

    public DateTimeOffset? FollowUpDoneAt { get; set; }

    public TicketStatus? TicketStatus { get; set; }

    public Priority? TicketPriority { get; set; }

    public string? AssigneeUserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class InteractionConfiguration : IEntityTypeConfiguration<Interaction>
{
    public void Configure(EntityTypeBuilder<Interaction> b)
    {
        b.Property(i => i.Type).HasConversion<string>().HasMaxLength(16);
        b.Property(i => i.Direction).HasConversion<string>().HasMaxLength(16);
        b.Property(i => i.StaffUserId).HasMaxLength(450);
        b.Property(i => i.AssigneeUserId).HasMaxLength(450);
        b.Property(i => i.Subject).HasMaxLength(200);
        b.Property(i => i.Body).HasMaxLength(8000);
        b.Property(i => i.Outcome).HasMaxLength(500);
        b.Property(i => i.TicketStatus).HasConversion<string>().HasMaxLength(16);
        b.Property(i => i.TicketPriority).HasConversion<string>().HasMaxLength(16);
        b.HasOne<Customer>().WithMany().HasForeignKey(i => i.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Lead>().WithMany().HasForeignKey(i => i.LeadId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(i => new { i.CustomerId, i.OccurredAt });
        b.HasIndex(i => new { i.LeadId, i.OccurredAt });
        b.HasIndex(i => new { i.StaffUserId, i.FollowUpOn });
        b.HasIndex(i => new { i.AssigneeUserId, i.TicketStatus });
    }
}
