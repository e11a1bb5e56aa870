using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Loyalty;
using VibeCrm.Data.Tenants;
using VibeCrm.Web.Features.Opportunities;

namespace VibeCrm.Web.Features.Loyalty;

/// <summary>What the tier form sends: the tier and its benefits (blank or unticked = not offered).</summary>
public sealed class TierForm
{
    public string? Name { get; set; }

    /// <summary>Order of the tier, lowest first.</summary>
    public int? Rank { get; set; }

    public decimal? Threshold { get; set; }

    public string? Description { get; set; }

    public string? Color { get; set; } = "#0d6468";

    public decimal? DiscountPercent { get; set; }

    public bool FreeShipping { get; set; }

    public bool ExclusiveOffers { get; set; }

    public bool PrioritySupport { get; set; }

    public decimal? EarnMultiplier { get; set; }

    /// <summary>Other perks, one per line.</summary>
    public string? OtherBenefits { get; set; }
}

public sealed record TierRow(int Id, string Name, int Rank, decimal Threshold, string? Description, string? Color, int Members, IReadOnlyList<TierBenefit> Benefits);

/// <summary>The tiers of a program: thresholds must rise with the order, names and orders are unique.</summary>
public sealed partial class TierSettingsService(TenantDbContext db, TimeProvider clock)
{
    public const int MaxNameLength = 60;
    public const int MaxRank = 99;
    public const int MaxOtherBenefits = 10;
    public const int MaxBenefitLength = 500;
    public const decimal MaxEarnMultiplier = 10m;

    public async Task<IReadOnlyList<TierRow>> ListAsync(int programId, CancellationToken ct)
    {
        var tiers = await db.Tiers.AsNoTracking().Include(t => t.Benefits).Where(t => t.ProgramId == programId).OrderBy(t => t.Rank).ToListAsync(ct);
        var counts = await db.LoyaltyMemberships.AsNoTracking().Where(m => m.ProgramId == programId && m.CurrentTierId != null)
            .GroupBy(m => m.CurrentTierId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return [.. tiers.Select(t => new TierRow(t.Id, t.Name, t.Rank, t.Threshold, t.Description, t.Color, counts.GetValueOrDefault(t.Id),
            [.. t.Benefits.OrderBy(b => b.Kind).ThenBy(b => b.Id)]))];
    }

    public static TierForm FormOf(TierRow tier)
    {
        ArgumentNullException.ThrowIfNull(tier);
        return new()
        {
            Name = tier.Name,
            Rank = tier.Rank,
            Threshold = tier.Threshold,
            Description = tier.Description,
            Color = tier.Color ?? "#0d6468",
            DiscountPercent = tier.Benefits.FirstOrDefault(b => b.Kind == TierBenefitKind.DiscountPercent)?.Value,
            FreeShipping = tier.Benefits.Any(b => b.Kind == TierBenefitKind.FreeShipping),
            ExclusiveOffers = tier.Benefits.Any(b => b.Kind == TierBenefitKind.ExclusiveOffers),
            PrioritySupport = tier.Benefits.Any(b => b.Kind == TierBenefitKind.PrioritySupport),
            EarnMultiplier = tier.Benefits.FirstOrDefault(b => b.Kind == TierBenefitKind.EarnMultiplier)?.Value,
            OtherBenefits = string.Join('\n', tier.Benefits.Where(b => b.Kind == TierBenefitKind.Custom).Select(b => b.Description)),
        };
    }

    public async Task<FormResult> SaveAsync(int programId, int? id, TierForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var program = await db.LoyaltyPrograms.AsNoTracking().SingleOrDefaultAsync(p => p.Id == programId, ct);
        if (program is null)
        {
            return FormResult.Invalid("", "This program no longer exists.");
        }

        var others = await db.Tiers.AsNoTracking().Where(t => t.ProgramId == programId && t.Id != (id ?? 0)).ToListAsync(ct);
        Tier? tier = null;
        if (id is { } existing)
        {
            tier = await db.Tiers.Include(t => t.Benefits).SingleOrDefaultAsync(t => t.ProgramId == programId && t.Id == existing, ct);
            if (tier is null)
            {
                return FormResult.Invalid("", "This tier no longer exists.");
            }
        }

        var errors = Validate(form, program, others);
        if (errors.Count > 0)
        {
            return new FormResult(null, errors);
        }

        var now = clock.GetUtcNow();
        if (tier is null)
        {
            tier = new Tier { ProgramId = programId, CreatedAt = now };
            db.Tiers.Add(tier);
        }

        tier.Name = form.Name!.Trim();
        tier.Rank = form.Rank!.Value;
        tier.Threshold = form.Threshold!.Value;
        tier.Description = string.IsNullOrWhiteSpace(form.Description) ? null : form.Description.Trim();
        tier.Color = form.Color!.Trim().ToLowerInvariant();
        tier.UpdatedAt = now;
        db.TierBenefits.RemoveRange(tier.Benefits);
        tier.Benefits = Benefits(form);
        await db.SaveChangesAsync(ct);
        return FormResult.Saved(tier.Id);
    }

    /// <summary>A tier can go while nobody holds it, no reward is limited to it and no member's history refers to it.</summary>
    public async Task<CommandResult> DeleteAsync(int programId, int id, CancellationToken ct)
    {
        var tier = await db.Tiers.SingleOrDefaultAsync(t => t.ProgramId == programId && t.Id == id, ct);
        if (tier is null)
        {
            return CommandResult.Fail("This tier no longer exists.", LoyaltyErrors.UnknownTier);
        }

        if (await db.LoyaltyMemberships.AnyAsync(m => m.CurrentTierId == id, ct))
        {
            return CommandResult.Fail($"Members are in {tier.Name}; it cannot be removed.", LoyaltyErrors.TierInUse);
        }

        if (await db.RewardTiers.AnyAsync(r => r.TierId == id, ct))
        {
            return CommandResult.Fail($"Some rewards are limited to {tier.Name}; change them first.", LoyaltyErrors.TierInUse);
        }

        if (await db.TierChanges.AnyAsync(c => c.FromTierId == id || c.ToTierId == id, ct))
        {
            return CommandResult.Fail($"Members have held {tier.Name}; it is kept for their tier history.", LoyaltyErrors.TierInUse);
        }

        db.Tiers.Remove(tier);
        await db.SaveChangesAsync(ct);
        return CommandResult.Ok;
    }

    public static Dictionary<string, string> Validate(TierForm form, LoyaltyProgram program, IReadOnlyList<Tier> others)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(others);
        var errors = new Dictionary<string, string>();
        var name = form.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors[nameof(form.Name)] = "Give the tier a name, e.g. Silver.";
        }
        else if (name.Length > MaxNameLength)
        {
            errors[nameof(form.Name)] = $"Keep the name under {MaxNameLength} characters.";
        }
        else if (others.Any(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            errors[nameof(form.Name)] = "Another tier of this program has this name.";
        }

        if (form.Rank is not { } rank || rank < 1 || rank > MaxRank)
        {
            errors[nameof(form.Rank)] = $"The order is a whole number from 1 (lowest) to {MaxRank}.";
        }
        else if (others.FirstOrDefault(t => t.Rank == rank) is { } clash)
        {
            errors[nameof(form.Rank)] = $"{clash.Name} already has order {rank}.";
        }

        if (form.Threshold is not { } threshold)
        {
            errors[nameof(form.Threshold)] = "Enter the threshold to reach this tier (0 for the entry tier).";
        }
        else if (threshold < 0 || threshold > 1_000_000_000m)
        {
            errors[nameof(form.Threshold)] = "The threshold must be 0 or more.";
        }
        else if (program.TierBasis == TierBasis.PointsEarned && decimal.Truncate(threshold) != threshold)
        {
            errors[nameof(form.Threshold)] = "Points thresholds are whole numbers.";
        }
        else if (decimal.Round(threshold, 2) != threshold)
        {
            errors[nameof(form.Threshold)] = "Use at most 2 decimals for the threshold.";
        }
        else if (form.Rank is { } r && !errors.ContainsKey(nameof(form.Rank)))
        {
            var below = others.Where(t => t.Rank < r).OrderByDescending(t => t.Rank).FirstOrDefault();
            var above = others.Where(t => t.Rank > r).OrderBy(t => t.Rank).FirstOrDefault();
            if (below is not null && threshold <= below.Threshold)
            {
                errors[nameof(form.Threshold)] = $"Thresholds rise with the order: it must be more than {Format(below.Threshold)}, the threshold of {below.Name}.";
            }
            else if (above is not null && threshold >= above.Threshold)
            {
                errors[nameof(form.Threshold)] = $"Thresholds rise with the order: it must be less than {Format(above.Threshold)}, the threshold of {above.Name}.";
            }
        }

        if ((form.Description?.Trim().Length ?? 0) > 1000)
        {
            errors[nameof(form.Description)] = "Keep the description under 1000 characters.";
        }

        if (form.Color is null || !ColorPattern().IsMatch(form.Color.Trim()))
        {
            errors[nameof(form.Color)] = "Choose a colour as #rrggbb.";
        }

        if (form.DiscountPercent is { } discount && (discount <= 0 || discount > 100 || decimal.Round(discount, 2) != discount))
        {
            errors[nameof(form.DiscountPercent)] = "The discount is a percentage above 0 and at most 100 (2 decimals); leave it blank for none.";
        }

        if (form.EarnMultiplier is { } multiplier && (multiplier < 1 || multiplier > MaxEarnMultiplier || decimal.Round(multiplier, 4) != multiplier))
        {
            errors[nameof(form.EarnMultiplier)] = $"The earn multiplier is from 1 to {MaxEarnMultiplier.ToString(CultureInfo.InvariantCulture)}, e.g. 1.5; leave it blank for none.";
        }

        var lines = OtherLines(form.OtherBenefits);
        if (lines.Count > MaxOtherBenefits)
        {
            errors[nameof(form.OtherBenefits)] = $"List at most {MaxOtherBenefits} other benefits.";
        }
        else if (lines.Any(l => l.Length > MaxBenefitLength))
        {
            errors[nameof(form.OtherBenefits)] = $"Keep each benefit under {MaxBenefitLength} characters.";
        }

        return errors;
    }

    private static List<TierBenefit> Benefits(TierForm form)
    {
        var benefits = new List<TierBenefit>();
        if (form.DiscountPercent is { } discount)
        {
            benefits.Add(new TierBenefit { Kind = TierBenefitKind.DiscountPercent, Value = discount });
        }

        if (form.FreeShipping)
        {
            benefits.Add(new TierBenefit { Kind = TierBenefitKind.FreeShipping });
        }

        if (form.ExclusiveOffers)
        {
            benefits.Add(new TierBenefit { Kind = TierBenefitKind.ExclusiveOffers });
        }

        if (form.PrioritySupport)
        {
            benefits.Add(new TierBenefit { Kind = TierBenefitKind.PrioritySupport });
        }

        if (form.EarnMultiplier is { } multiplier)
        {
            benefits.Add(new TierBenefit { Kind = TierBenefitKind.EarnMultiplier, Value = multiplier });
        }

        benefits.AddRange(OtherLines(form.OtherBenefits).Select(l => new TierBenefit { Kind = TierBenefitKind.Custom, Description = l }));
        return benefits;
    }

    private static List<string> OtherLines(string? text) =>
        [.. (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];

    /// <summary>How a benefit reads to staff and members.</summary>
    public static string Describe(TierBenefit benefit)
    {
        ArgumentNullException.ThrowIfNull(benefit);
        return benefit.Kind switch
        {
            TierBenefitKind.DiscountPercent => $"{Format(benefit.Value ?? 0)}% discount",
            TierBenefitKind.FreeShipping => "Free shipping",
            TierBenefitKind.ExclusiveOffers => "Exclusive offers",
            TierBenefitKind.PrioritySupport => "Priority support",
            TierBenefitKind.EarnMultiplier => $"Earns ×{Format(benefit.Value ?? 1)}",
            _ => benefit.Description ?? "",
        };
    }

    private static string Format(decimal value) => value.ToString("#,0.####", CultureInfo.InvariantCulture);

    [GeneratedRegex("^#[0-9a-fA-F]{6}$", RegexOptions.None, 1000)]
    private static partial Regex ColorPattern();
}
