using System.Globalization;
using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Loyalty;
using VibeCrm.Data.Tenants;
using VibeCrm.Web.Features.Opportunities;

namespace VibeCrm.Web.Features.Loyalty;

/// <summary>What the earn rule form sends. Fields a kind does not use are ignored and cleared.</summary>
public sealed class EarnRuleForm
{
    public EarnRuleKind Kind { get; set; }

    public string? Name { get; set; }

    public bool IsActive { get; set; } = true;

    public decimal? Multiplier { get; set; }

    public int? BonusPoints { get; set; }

    public string? Category { get; set; }

    public string? Sku { get; set; }

    public DateOnly? StartsOn { get; set; }

    public DateOnly? EndsOn { get; set; }

    public List<DayOfWeek> Weekdays { get; set; } = [];
}

/// <summary>The multipliers and bonuses of a program: add, edit, remove, with a message for every bad value.</summary>
public sealed class EarnRuleService(TenantDbContext db, TimeProvider clock)
{
    public const int MaxNameLength = 100;
    public const decimal MaxMultiplier = 100m;
    public const int MaxBonus = 1_000_000;

    /// <summary>Kinds that multiply purchase points.</summary>
    public static bool UsesMultiplier(EarnRuleKind kind) =>
        kind is EarnRuleKind.CategoryMultiplier or EarnRuleKind.SkuMultiplier or EarnRuleKind.PromotionMultiplier or EarnRuleKind.BirthdayMonth;

    /// <summary>Kinds that credit flat points.</summary>
    public static bool UsesBonus(EarnRuleKind kind) =>
        kind is EarnRuleKind.SignUpBonus or EarnRuleKind.FirstPurchaseBonus or EarnRuleKind.BirthdayMonth or EarnRuleKind.ReviewBonus or EarnRuleKind.ReferralBonus;

    public async Task<IReadOnlyList<EarnRule>> ListAsync(int programId, CancellationToken ct) =>
        await db.EarnRules.AsNoTracking().Where(r => r.ProgramId == programId).OrderBy(r => r.Kind).ThenBy(r => r.Name).ThenBy(r => r.Id).ToListAsync(ct);

    public Task<EarnRule?> FindAsync(int programId, int id, CancellationToken ct) =>
        db.EarnRules.AsNoTracking().SingleOrDefaultAsync(r => r.ProgramId == programId && r.Id == id, ct);

    public static EarnRuleForm FormOf(EarnRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new()
        {
            Kind = rule.Kind,
            Name = rule.Name,
            IsActive = rule.IsActive,
            Multiplier = rule.Multiplier,
            BonusPoints = rule.BonusPoints,
            Category = rule.Category,
            Sku = rule.Sku,
            StartsOn = rule.StartsOn,
            EndsOn = rule.EndsOn,
            Weekdays = [.. Enum.GetValues<DayOfWeek>().Where(d => (rule.WeekdayMask & (1 << (int)d)) != 0)],
        };
    }

    public async Task<FormResult> SaveAsync(int programId, int? id, EarnRuleForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!await db.LoyaltyPrograms.AnyAsync(p => p.Id == programId, ct))
        {
            return FormResult.Invalid("", "This program no longer exists.");
        }

        EarnRule? rule = null;
        if (id is { } existing)
        {
            rule = await db.EarnRules.SingleOrDefaultAsync(r => r.ProgramId == programId && r.Id == existing, ct);
            if (rule is null)
            {
                return FormResult.Invalid("", "This rule no longer exists.");
            }
        }

        var errors = Validate(form);
        if (errors.Count > 0)
        {
            return new FormResult(null, errors);
        }

        var now = clock.GetUtcNow();
        if (rule is null)
        {
            rule = new EarnRule { ProgramId = programId, CreatedAt = now };
            db.EarnRules.Add(rule);
        }

        rule.Kind = form.Kind;
        rule.Name = form.Name!.Trim();
        rule.IsActive = form.IsActive;
        rule.Multiplier = UsesMultiplier(form.Kind) ? form.Multiplier : null;
        rule.BonusPoints = UsesBonus(form.Kind) ? form.BonusPoints : null;
        rule.Category = form.Kind == EarnRuleKind.CategoryMultiplier ? form.Category!.Trim() : null;
        rule.Sku = form.Kind == EarnRuleKind.SkuMultiplier ? form.Sku!.Trim() : null;
        rule.StartsOn = form.StartsOn;
        rule.EndsOn = form.EndsOn;
        rule.WeekdayMask = EarnRule.MaskOf([.. form.Weekdays.Distinct()]);
        rule.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return FormResult.Saved(rule.Id);
    }

    public async Task<CommandResult> DeleteAsync(int programId, int id, CancellationToken ct)
    {
        var rule = await db.EarnRules.SingleOrDefaultAsync(r => r.ProgramId == programId && r.Id == id, ct);
        if (rule is null)
        {
            return CommandResult.Fail("This rule no longer exists.", LoyaltyErrors.UnknownRule);
        }

        db.EarnRules.Remove(rule);
        await db.SaveChangesAsync(ct);
        return CommandResult.Ok;
    }

    public static Dictionary<string, string> Validate(EarnRuleForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new Dictionary<string, string>();
        if (!Enum.IsDefined(form.Kind))
        {
            errors[nameof(form.Kind)] = "Choose the kind of rule.";
            return errors;
        }

        var name = form.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors[nameof(form.Name)] = "Give the rule a name members will recognise, e.g. Double points Tuesdays.";
        }
        else if (name.Length > MaxNameLength)
        {
            errors[nameof(form.Name)] = $"Keep the name under {MaxNameLength} characters.";
        }

        var kind = form.Kind;
        if (kind == EarnRuleKind.CategoryMultiplier)
        {
            Required(errors, nameof(form.Category), form.Category, 100, "Enter the product category the multiplier applies to.");
        }

        if (kind == EarnRuleKind.SkuMultiplier)
        {
            Required(errors, nameof(form.Sku), form.Sku, 64, "Enter the SKU the multiplier applies to.");
        }

        if (kind == EarnRuleKind.BirthdayMonth)
        {
            if (form.Multiplier is null && form.BonusPoints is null)
            {
                errors[nameof(form.Multiplier)] = "Give a multiplier for birthday-month purchases, bonus points, or both.";
            }
        }
        else if (UsesMultiplier(kind) && form.Multiplier is null)
        {
            errors[nameof(form.Multiplier)] = "Enter the multiplier, e.g. 2 for double points.";
        }
        else if (UsesBonus(kind) && form.BonusPoints is null)
        {
            errors[nameof(form.BonusPoints)] = "Enter how many points the bonus gives.";
        }

        if (UsesMultiplier(kind) && form.Multiplier is { } m && !errors.ContainsKey(nameof(form.Multiplier)))
        {
            if (m <= 0 || m > MaxMultiplier)
            {
                errors[nameof(form.Multiplier)] = $"The multiplier must be more than 0 and at most {MaxMultiplier.ToString(CultureInfo.InvariantCulture)}.";
            }
            else if (decimal.Round(m, 4) != m)
            {
                errors[nameof(form.Multiplier)] = "Use at most 4 decimals for the multiplier.";
            }
        }

        if (UsesBonus(kind) && form.BonusPoints is { } bonus && !errors.ContainsKey(nameof(form.BonusPoints)) && (bonus < 1 || bonus > MaxBonus))
        {
            errors[nameof(form.BonusPoints)] = $"Bonus points must be between 1 and {MaxBonus.ToString("N0", CultureInfo.InvariantCulture)}.";
        }

        if (form.StartsOn is { } start && form.EndsOn is { } end && end < start)
        {
            errors[nameof(form.EndsOn)] = "The last day cannot be before the first day.";
        }

        if (form.Weekdays.Any(d => !Enum.IsDefined(d)))
        {
            errors[nameof(form.Weekdays)] = "Choose weekdays from the list.";
        }

        if (kind == EarnRuleKind.PromotionMultiplier && form.StartsOn is null && form.EndsOn is null && form.Weekdays.Count == 0)
        {
            errors[nameof(form.Weekdays)] = "Choose a date range or weekdays for the promotion; to change every purchase, change the base rate.";
        }

        return errors;
    }

    private static void Required(Dictionary<string, string> errors, string field, string? value, int max, string message)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            errors[field] = message;
        }
        else if (text.Length > max)
        {
            errors[field] = $"Keep it under {max} characters.";
        }
    }

    /// <summary>"Tue, Sat" for a mask; "" for every day.</summary>
    public static string Weekdays(int mask) =>
        string.Join(", ", Enum.GetValues<DayOfWeek>().Where(d => (mask & (1 << (int)d)) != 0).Select(d => CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedDayName(d)));

    public static string Label(EarnRuleKind kind) => kind switch
    {
        EarnRuleKind.CategoryMultiplier => "Category multiplier",
        EarnRuleKind.SkuMultiplier => "SKU multiplier",
        EarnRuleKind.SignUpBonus => "Sign-up bonus",
        EarnRuleKind.FirstPurchaseBonus => "First purchase bonus",
        EarnRuleKind.BirthdayMonth => "Birthday month",
        EarnRuleKind.PromotionMultiplier => "Double-points days",
        EarnRuleKind.ReviewBonus => "Review bonus",
        EarnRuleKind.ReferralBonus => "Referral bonus",
        _ => kind.ToString(),
    };
}
