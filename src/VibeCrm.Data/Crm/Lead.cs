using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VibeCrm.Data.Crm;

/// <summary>A person who is not a customer yet. Changes are audited.</summary>
public sealed class Lead : IAudited
{
    public int Id { get; set; }

    public string FirstName { get; set; } = "";

    public string LastName { get; set; } = "";

    public string? Email { get; set; }

    public string? NormalizedEmail { get; set; }

    public string? Phone { get; set; }

    public string? Company { get; set; }

    public LeadSource Source { get; set; }

    public LeadStatus Status { get; set; }

    /// <summary>Recomputed from the tenant's scoring rules whenever an input changes.</summary>
    public int Score { get; set; }

    public string? Notes { get; set; }

    public string? OwnerUserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? LastContactedAt { get; set; }

    public DateTimeOffset? ConvertedAt { get; set; }

    public int? ConvertedCustomerId { get; set; }

    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    public string DisplayName => $"{FirstName} {LastName}".Trim() is { Length: > 0 } name ? name : Email ?? Phone ?? $"Lead {Id}";
}

/// <summary>What earns a lead points. <see cref="Kind"/> says what is checked; <see cref="Argument"/> narrows it.</summary>
public sealed class LeadScoreRule
{
    public int Id { get; set; }

    /// <summary>E.g. <c>has-field</c> (Argument = email/phone/company), <c>source</c> (Argument = Referral),
    /// <c>per-interaction</c>, <c>recent-contact</c> (Argument = days).</summary>
    public required string Kind { get; set; }

    public string? Argument { get; set; }

    public int Points { get; set; }

    /// <summary>Cap for per-item rules; null means no cap.</summary>
    public int? MaxPoints { get; set; }

    public bool IsActive { get; set; } = true;
}

public sealed class LeadConfiguration : IEntityTypeConfiguration<Lead>, IEntityTypeConfiguration<LeadScoreRule>
{
    public void Configure(EntityTypeBuilder<Lead> b)
    {
        b.Property(l => l.FirstName).HasMaxLength(100);
        b.Property(l => l.LastName).HasMaxLength(100);
        b.Property(l => l.Email).HasMaxLength(256);
        b.Property(l => l.NormalizedEmail).HasMaxLength(256);
        b.Property(l => l.Phone).HasMaxLength(20);
        b.Property(l => l.Company).HasMaxLength(200);
        b.Property(l => l.Source).HasConversion<string>().HasMaxLength(16);
        b.Property(l => l.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(l => l.Notes).HasMaxLength(4000);
        b.Property(l => l.OwnerUserId).HasMaxLength(450);
        b.Property(l => l.ConcurrencyStamp).HasMaxLength(32).IsConcurrencyToken();
        b.Ignore(l => l.DisplayName);
        b.HasIndex(l => new { l.Status, l.CreatedAt });
        b.HasIndex(l => new { l.Source, l.Status });
        b.HasIndex(l => l.NormalizedEmail);
        b.HasIndex(l => l.Phone);
        b.HasIndex(l => l.Score);
    }

    public void Configure(EntityTypeBuilder<LeadScoreRule> b)
    {
        b.Property(r => r.Kind).HasMaxLength(32);
        b.Property(r => r.Argument).HasMaxLength(100);
    }
}
