using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VibeCrm.Data.Crm;

/// <summary>A field the merchant adds to every customer profile.</summary>
public sealed class CustomFieldDefinition
{
    public int Id { get; set; }

    /// <summary>Stable machine name, e.g. <c>favourite_drink</c> (used in imports and templates).</summary>
    public required string Key { get; set; }

    public required string Label { get; set; }

    public CustomFieldType Type { get; set; }

    /// <summary>For <see cref="CustomFieldType.Choice"/>: one option per line.</summary>
    public string? Choices { get; set; }

    public bool IsRequired { get; set; }

    public int SortOrder { get; set; }

    public bool IsArchived { get; set; }

    public IReadOnlyList<string> ChoiceList => (Choices ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>One customer's value of one custom field, stored invariantly as text (numbers with '.', dates as yyyy-MM-dd, yes/no as true/false).</summary>
public sealed class CustomFieldValue
{
    public int CustomerId { get; set; }

    public int FieldId { get; set; }

    public required string Value { get; set; }
}

public sealed class CustomFieldConfiguration : IEntityTypeConfiguration<CustomFieldDefinition>, IEntityTypeConfiguration<CustomFieldValue>
{
    public void Configure(EntityTypeBuilder<CustomFieldDefinition> b)
    {
        b.Property(f => f.Key).HasMaxLength(50);
        b.HasIndex(f => f.Key).IsUnique();
        b.Property(f => f.Label).HasMaxLength(100);
        b.Property(f => f.Type).HasConversion<string>().HasMaxLength(16);
        b.Property(f => f.Choices).HasMaxLength(2000);
        b.Ignore(f => f.ChoiceList);
    }

    public void Configure(EntityTypeBuilder<CustomFieldValue> b)
    {
        b.HasKey(v => new { v.CustomerId, v.FieldId });
        b.Property(v => v.Value).HasMaxLength(1000);
        b.HasOne<CustomFieldDefinition>().WithMany().HasForeignKey(v => v.FieldId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(v => new { v.FieldId, v.Value });
    }
}
