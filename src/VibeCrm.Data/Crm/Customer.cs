using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VibeCrm.Data.Crm;

/// <summary>A person who buys from the merchant. Changes are audited.</summary>
public sealed class Customer : IAudited
{
    public int Id { get; set; }

    public string FirstName { get; set; } = "";

    public string LastName { get; set; } = "";

    /// <summary>Lower-case, accent-free "first last", for prefix search.</summary>
    public string SearchName { get; set; } = "";

    /// <summary>Lower-case, accent-free "last first", for prefix search by last name.</summary>
    public string SearchLastName { get; set; } = "";

    public string? Email { get; set; }

    /// <summary>Lower-case email, for matching and search.</summary>
    public string? NormalizedEmail { get; set; }

    /// <summary>E.164, e.g. +33612345678.</summary>
    public string? Phone { get; set; }

    public DateOnly? Birthday { get; set; }

    public string? Gender { get; set; }

    public string? AddressLine { get; set; }

    public string? City { get; set; }

    public string? PostalCode { get; set; }

    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string? Country { get; set; }

    /// <summary>IETF language tag, e.g. fr or en-GB.</summary>
    public string? Language { get; set; }

    public string? TimeZoneId { get; set; }

    public ContactChannel? PreferredChannel { get; set; }

    public string? PreferredStore { get; set; }

    /// <summary>Comma-separated product categories.</summary>
    public string? PreferredCategories { get; set; }

    public string? Instagram { get; set; }

    public string? Facebook { get; set; }

    public string? XHandle { get; set; }

    public string? TikTok { get; set; }

    public string? LinkedIn { get; set; }

    public string? Notes { get; set; }

    /// <summary>The staff member who looks after this customer.</summary>
    public string? OwnerUserId { get; set; }

    public CustomerStatus Status { get; set; }

    /// <summary>The member-portal account of this customer, when they joined.</summary>
    public string? MemberUserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Last interaction, purchase, feedback or campaign event.</summary>
    public DateTimeOffset? LastActivityAt { get; set; }

    /// <summary>When this record was merged into another; it is then hidden from lists.</summary>
    public int? MergedIntoId { get; set; }

    /// <summary>When the person was erased (anonymized) on request.</summary>
    public DateTimeOffset? ErasedAt { get; set; }

    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    public List<CustomerTag> Tags { get; set; } = [];

    public List<CustomFieldValue> CustomValues { get; set; } = [];

    public string DisplayName => $"{FirstName} {LastName}".Trim() is { Length: > 0 } name ? name : Email ?? Phone ?? $"Customer {Id}";
}

public sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> b)
    {
        b.Property(c => c.FirstName).HasMaxLength(100);
        b.Property(c => c.LastName).HasMaxLength(100);
        b.Property(c => c.SearchName).HasMaxLength(201);
        b.Property(c => c.SearchLastName).HasMaxLength(201);
        b.Property(c => c.Email).HasMaxLength(256);
        b.Property(c => c.NormalizedEmail).HasMaxLength(256);
        b.Property(c => c.Phone).HasMaxLength(20);
        b.Property(c => c.Gender).HasMaxLength(30);
        b.Property(c => c.AddressLine).HasMaxLength(200);
        b.Property(c => c.City).HasMaxLength(100);
        b.Property(c => c.PostalCode).HasMaxLength(20);
        b.Property(c => c.Country).HasMaxLength(2);
        b.Property(c => c.Language).HasMaxLength(20);
        b.Property(c => c.TimeZoneId).HasMaxLength(64);
        b.Property(c => c.PreferredChannel).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.PreferredStore).HasMaxLength(100);
        b.Property(c => c.PreferredCategories).HasMaxLength(500);
        b.Property(c => c.Instagram).HasMaxLength(100);
        b.Property(c => c.Facebook).HasMaxLength(100);
        b.Property(c => c.XHandle).HasMaxLength(100);
        b.Property(c => c.TikTok).HasMaxLength(100);
        b.Property(c => c.LinkedIn).HasMaxLength(200);
        b.Property(c => c.Notes).HasMaxLength(4000);
        b.Property(c => c.OwnerUserId).HasMaxLength(450);
        b.Property(c => c.MemberUserId).HasMaxLength(450);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.ConcurrencyStamp).HasMaxLength(32).IsConcurrencyToken();
        b.Ignore(c => c.DisplayName);

        // Search and list paths: prefix lookups and the default sort, all among live (not merged) records.
        b.HasIndex(c => c.NormalizedEmail);
        b.HasIndex(c => c.Phone);
        b.HasIndex(c => c.SearchName);
        b.HasIndex(c => c.SearchLastName);
        b.HasIndex(c => new { c.MergedIntoId, c.CreatedAt });
        b.HasIndex(c => new { c.MergedIntoId, c.LastActivityAt });
        b.HasIndex(c => new { c.Status, c.CreatedAt });
        b.HasIndex(c => new { c.OwnerUserId, c.CreatedAt });
        b.HasIndex(c => c.MemberUserId);
        b.HasMany(c => c.Tags).WithOne().HasForeignKey(t => t.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.CustomValues).WithOne().HasForeignKey(v => v.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>A free tag on a customer, stored lower-case.</summary>
public sealed class CustomerTag
{
    public int CustomerId { get; set; }

    public required string Tag { get; set; }
}

public sealed class CustomerTagConfiguration : IEntityTypeConfiguration<CustomerTag>
{
    public void Configure(EntityTypeBuilder<CustomerTag> b)
    {
        b.HasKey(t => new { t.CustomerId, t.Tag });
        b.Property(t => t.Tag).HasMaxLength(50);
        b.HasIndex(t => new { t.Tag, t.CustomerId });
    }
}
