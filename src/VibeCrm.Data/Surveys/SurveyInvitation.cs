using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VibeCrm.Data.Crm;

namespace VibeCrm.Data.Surveys;

public enum InvitationStatus
{
    /// <summary>Written, waiting for the send job.</summary>
    Pending = 0,

    /// <summary>Claimed by the send job and handed to the mail server. Never sent again.</summary>
    Sent = 1,

    /// <summary>Not sent: the customer withdrew email consent or lost their address after being chosen.</summary>
    Skipped = 2,

    /// <summary>The mail server refused it; <see cref="SurveyInvitation.Error"/> says why.</summary>
    Failed = 3,
}

/// <summary>
/// One recipient of one survey, written before the email is sent and unique per survey and customer: a retried send
/// job finds the row and never emails twice. The signed link carries its id; its response makes it answered.
/// </summary>
public sealed class SurveyInvitation
{
    public int Id { get; set; }

    public int SurveyId { get; set; }

    public int CustomerId { get; set; }

    public string Email { get; set; } = "";

    public InvitationStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public DateTimeOffset? RespondedAt { get; set; }

    public string? Error { get; set; }
}

public sealed class SurveyInvitationConfiguration : IEntityTypeConfiguration<SurveyInvitation>
{
    public void Configure(EntityTypeBuilder<SurveyInvitation> b)
    {
        b.Property(i => i.Email).HasMaxLength(256);
        b.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(i => i.Error).HasMaxLength(500);
        b.HasOne<Survey>().WithMany().HasForeignKey(i => i.SurveyId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Customer>().WithMany().HasForeignKey(i => i.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(i => new { i.SurveyId, i.CustomerId }).IsUnique();
        b.HasIndex(i => new { i.SurveyId, i.Status });
        b.HasIndex(i => i.CustomerId);
    }
}
