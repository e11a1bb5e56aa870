using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VibeCrm.Data.Loyalty;

/// <summary>A multiplier or bonus of a program (see <see cref="EarnRuleKind"/> for what each kind reads). Changes are audited.</summary>
public sealed class EarnRule : IAudited
{
    public int Id { get; set; }

    public int ProgramId { get; set; }

    public EarnRuleKind Kind { get; set; }

    public string Name { get; set; } = "";

    public bool IsActive { get; set; } = true;

    /// <summary>For multiplier kinds, e.g. 2 for double points.</summary>
    public decimal? Multiplier { get; set; }

    /// <summary>For bonus kinds: flat points.</summary>
    public int? BonusPoints { get; set; }

    public string? Category { get; set; }

    public string? Sku { get; set; }

    /// <summary>First local day the rule applies (inclusive); null = open.</summary>
    public DateOnly? StartsOn { get; set; }

    /// <summary>Last local day the rule applies (inclusive); null = open.</summary>
    public DateOnly? EndsOn { get; set; }

    /// <summary>Bit mask of weekdays (1 &lt;&lt; (int)DayOfWeek); 0 = every day.</summary>
    public int WeekdayMask { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public static int MaskOf(params DayOfWeek[] days) => days.Aggregate(0, (mask, day) => mask | (1 << (int)day));
}

public sealed class EarnRuleConfiguration : IEntityTypeConfiguration<EarnRule>
{
    public void Configure(EntityTypeBuilder<EarnRule> b)
    {
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(24);
        b.Property(r => r.Name).HasMaxLength(100);
        b.Property(r => r.Multiplier).HasPrecision(9, 4);
        b.Property(r => r.Category).HasMaxLength(100);
        b.Property(r => r.Sku).HasMaxLength(64);
        b.HasIndex(r => new { r.ProgramId, r.Kind });
    }
}
