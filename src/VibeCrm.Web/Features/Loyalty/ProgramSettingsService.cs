using System.Globalization;
using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Loyalty;
using VibeCrm.Data.Tenants;
using VibeCrm.Web.Features.Opportunities;

namespace VibeCrm.Web.Features.Loyalty;

/// <summary>What the program form sends. Field errors are keyed by these property names.</summary>
public sealed class ProgramForm
{
    public string? Name { get; set; }

    public string? UnitName { get; set; } = "points";

    public ProgramStatus Status { get; set; } = ProgramStatus.Draft;

    public string? Terms { get; set; }

    public string? Currency { get; set; }

    public string? TimeZoneId { get; set; }

    /// <summary>What one point is worth when redeemed.</summary>
    public decimal? PointValue { get; set; } = 0.01m;

    public ExpiryKind ExpiryKind { get; set; }

    public int? ExpiryDays { get; set; }

    public int? PendingDays { get; set; } = 0;

    public TierBasis TierBasis { get; set; }

    /// <summary>Blank: lifetime.</summary>
    public int? TierWindowMonths { get; set; } = 12;

    public TierDowngradePolicy TierDowngradePolicy { get; set; } = TierDowngradePolicy.Recalculate;

    public int? TierRetentionMonths { get; set; } = 12;
}

/// <summary>The earning part of a program: base rate, rounding and caps (edited on the rules page).</summary>
public sealed class EarnSettingsForm
{
    public decimal? PointsPerCurrencyUnit { get; set; } = 1m;

    public EarnRounding Rounding { get; set; }

    public int? MaxPointsPerPurchase { get; set; }

    public int? MaxPointsPerDay { get; set; }

    public int? MaxPointsPerMonth { get; set; }
}

public sealed record ProgramRow(int Id, string Name, string UnitName, ProgramStatus Status, string Currency, int Members, int Tiers, int Rewards, int Rules);

/// <summary>Creates and edits loyalty programs with a message for every bad value. Changes are audited by the context.</summary>
public sealed class ProgramSettingsService(TenantDbContext db, TimeProvider clock)
{
    public const int MaxNameLength = 100;
    public const int MaxUnitLength = 30;
    public const int MaxTermsLength = 8000;
    public const int MaxDays = 3650;
    public const int MaxPendingDays = 365;
    public const int MaxMonths = 120;
    public const decimal MaxPointValue = 1000m;
    public const decimal MaxRate = 1000m;

    private static readonly HashSet<string> Currencies = [.. CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(c => { try { return new RegionInfo(c.Name).ISOCurrencySymbol; } catch (ArgumentException) { return null; } })
        .Where(c => c is { Length: 3 })
        .Select(c => c!)];

    public async Task<IReadOnlyList<ProgramRow>> ListAsync(CancellationToken ct) =>
        await db.LoyaltyPrograms.AsNoTracking()
            .OrderBy(p => p.Status == ProgramStatus.Closed).ThenBy(p => p.Name).ThenBy(p => p.Id)
            .Select(p => new ProgramRow(
                p.Id, p.Name, p.UnitName, p.Status, p.Currency,
                db.LoyaltyMemberships.Count(m => m.ProgramId == p.Id),
                p.Tiers.Count,
                db.Rewards.Count(r => r.ProgramId == p.Id),
                p.EarnRules.Count))
            .ToListAsync(ct);

    public Task<LoyaltyProgram?> FindAsync(int id, CancellationToken ct) =>
        db.LoyaltyPrograms.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);

    public static ProgramForm FormOf(LoyaltyProgram p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new()
        {
            Name = p.Name,
            UnitName = p.UnitName,
            Status = p.Status,
            Terms = p.Terms,
            Currency = p.Currency,
            TimeZoneId = p.TimeZoneId,
            PointValue = p.PointValue,
            ExpiryKind = p.ExpiryKind,
            ExpiryDays = p.ExpiryDays,
            PendingDays = p.PendingDays,
            TierBasis = p.TierBasis,
            TierWindowMonths = p.TierWindowMonths,
            TierDowngradePolicy = p.TierDowngradePolicy,
            TierRetentionMonths = p.TierRetentionMonths,
        };
    }

    public static EarnSettingsForm EarnFormOf(LoyaltyProgram p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new()
        {
            PointsPerCurrencyUnit = p.PointsPerCurrencyUnit,
            Rounding = p.Rounding,
            MaxPointsPerPurchase = p.MaxPointsPerPurchase,
            MaxPointsPerDay = p.MaxPointsPerDay,
            MaxPointsPerMonth = p.MaxPointsPerMonth,
        };
    }

    public async Task<FormResult> CreateAsync(ProgramForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = await ValidateAsync(null, form, ct);
        if (errors.Count > 0)
        {
            return new FormResult(null, errors);
        }

        var now = clock.GetUtcNow();
        var program = new LoyaltyProgram { CreatedAt = now };
        Apply(program, form, now);
        db.LoyaltyPrograms.Add(program);
        await db.SaveChangesAsync(ct);
        return FormResult.Saved(program.Id);
    }

    public async Task<FormResult> UpdateAsync(int id, ProgramForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var program = await db.LoyaltyPrograms.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (program is null)
        {
            return FormResult.Invalid("", "This program no longer exists.");
        }

        var errors = await ValidateAsync(program, form, ct);
        if (errors.Count > 0)
        {
            return new FormResult(null, errors);
        }

        Apply(program, form, clock.GetUtcNow());
        return await SaveAsync(program, ct);
    }

    public async Task<FormResult> UpdateEarningAsync(int id, EarnSettingsForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var program = await db.LoyaltyPrograms.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (program is null)
        {
            return FormResult.Invalid("", "This program no longer exists.");
        }

        var errors = ValidateEarning(form);
        if (errors.Count > 0)
        {
            return new FormResult(null, errors);
        }

        program.PointsPerCurrencyUnit = form.PointsPerCurrencyUnit!.Value;
        program.Rounding = form.Rounding;
        program.MaxPointsPerPurchase = form.MaxPointsPerPurchase;
        program.MaxPointsPerDay = form.MaxPointsPerDay;
        program.MaxPointsPerMonth = form.MaxPointsPerMonth;
        program.UpdatedAt = clock.GetUtcNow();
        return await SaveAsync(program, ct);
    }

    public static Dictionary<string, string> ValidateEarning(EarnSettingsForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new Dictionary<string, string>();
        if (form.PointsPerCurrencyUnit is not { } rate)
        {
            errors[nameof(form.PointsPerCurrencyUnit)] = "Enter the points earned per currency unit (0 for bonuses only).";
        }
        else if (rate < 0 || rate > MaxRate)
        {
            errors[nameof(form.PointsPerCurrencyUnit)] = $"The base rate must be between 0 and {MaxRate.ToString(CultureInfo.InvariantCulture)}.";
        }
        else if (decimal.Round(rate, 4) != rate)
        {
            errors[nameof(form.PointsPerCurrencyUnit)] = "Use at most 4 decimals for the base rate.";
        }

        if (!Enum.IsDefined(form.Rounding))
        {
            errors[nameof(form.Rounding)] = "Choose how points are rounded.";
        }

        CheckCap(errors, nameof(form.MaxPointsPerPurchase), form.MaxPointsPerPurchase, "per purchase");
        CheckCap(errors, nameof(form.MaxPointsPerDay), form.MaxPointsPerDay, "per day");
        CheckCap(errors, nameof(form.MaxPointsPerMonth), form.MaxPointsPerMonth, "per month");
        if (!errors.ContainsKey(nameof(form.MaxPointsPerDay)) && form.MaxPointsPerDay is { } day && form.MaxPointsPerPurchase is { } purchase && day < purchase)
        {
            errors[nameof(form.MaxPointsPerDay)] = "The daily cap cannot be lower than the cap per purchase.";
        }

        if (!errors.ContainsKey(nameof(form.MaxPointsPerMonth)) && form.MaxPointsPerMonth is { } month
            && (form.MaxPointsPerDay ?? form.MaxPointsPerPurchase) is { } lower && month < lower)
        {
            errors[nameof(form.MaxPointsPerMonth)] = "The monthly cap cannot be lower than the daily cap or the cap per purchase.";
        }

        return errors;
    }

    private static void CheckCap(Dictionary<string, string> errors, string field, int? value, string what)
    {
        if (value is { } v && v < 1)
        {
            errors[field] = $"A cap {what} must be at least 1 point; leave it blank for no cap.";
        }
    }

    private async Task<Dictionary<string, string>> ValidateAsync(LoyaltyProgram? existing, ProgramForm form, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        var name = form.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors[nameof(form.Name)] = "Give the program a name.";
        }
        else if (name.Length > MaxNameLength)
        {
            errors[nameof(form.Name)] = $"Keep the name under {MaxNameLength} characters.";
        }
        else
        {
            var lower = name.ToLowerInvariant();
            var existingId = existing?.Id ?? 0;
#pragma warning disable CA1862 // translated to SQL: lower() on both sides
            if (await db.LoyaltyPrograms.AnyAsync(p => p.Id != existingId && p.Name.ToLower() == lower, ct))
#pragma warning restore CA1862
            {
                errors[nameof(form.Name)] = "Another program already has this name.";
            }
        }

        var unit = form.UnitName?.Trim() ?? "";
        if (unit.Length == 0)
        {
            errors[nameof(form.UnitName)] = "Name what members collect, e.g. points or stars.";
        }
        else if (unit.Length > MaxUnitLength)
        {
            errors[nameof(form.UnitName)] = $"Keep the unit name under {MaxUnitLength} characters.";
        }

        if (!Enum.IsDefined(form.Status))
        {
            errors[nameof(form.Status)] = "Choose a status.";
        }

        if ((form.Terms?.Length ?? 0) > MaxTermsLength)
        {
            errors[nameof(form.Terms)] = $"Keep the terms under {MaxTermsLength} characters.";
        }

        var currency = form.Currency?.Trim().ToUpperInvariant() ?? "";
        if (currency.Length != 3 || !Currencies.Contains(currency))
        {
            errors[nameof(form.Currency)] = "Enter a three-letter ISO currency code, e.g. EUR.";
        }
        else if (existing is not null && existing.Currency != currency && await db.Purchases.AnyAsync(p => p.ProgramId == existing.Id, ct))
        {
            errors[nameof(form.Currency)] = "The currency cannot change once purchases have been recorded.";
        }

        if (string.IsNullOrWhiteSpace(form.TimeZoneId) || !TimeZoneInfo.TryFindSystemTimeZoneById(form.TimeZoneId.Trim(), out _))
        {
            errors[nameof(form.TimeZoneId)] = "Choose a time zone from the list.";
        }

        if (form.PointValue is not { } value)
        {
            errors[nameof(form.PointValue)] = "Enter what one point is worth when redeemed.";
        }
        else if (value <= 0 || value > MaxPointValue)
        {
            errors[nameof(form.PointValue)] = $"A point must be worth more than 0 and at most {MaxPointValue.ToString(CultureInfo.InvariantCulture)}.";
        }
        else if (decimal.Round(value, 4) != value)
        {
            errors[nameof(form.PointValue)] = "Use at most 4 decimals for the point value.";
        }

        ValidateExpiry(form, errors);
        if (form.PendingDays is not { } pending || pending < 0 || pending > MaxPendingDays)
        {
            errors[nameof(form.PendingDays)] = $"The pending period is a number of days from 0 (none) to {MaxPendingDays}.";
        }

        if (!Enum.IsDefined(form.TierBasis))
        {
            errors[nameof(form.TierBasis)] = "Choose what tiers count.";
        }

        if (form.TierWindowMonths is { } window && (window < 1 || window > MaxMonths))
        {
            errors[nameof(form.TierWindowMonths)] = $"The tier window is 1 to {MaxMonths} months; leave it blank for lifetime.";
        }

        if (!Enum.IsDefined(form.TierDowngradePolicy))
        {
            errors[nameof(form.TierDowngradePolicy)] = "Choose a downgrade policy.";
        }
        else if (form.TierDowngradePolicy == TierDowngradePolicy.AfterRetention && (form.TierRetentionMonths is not { } keep || keep < 1 || keep > MaxMonths))
        {
            errors[nameof(form.TierRetentionMonths)] = $"Keep a reached tier for 1 to {MaxMonths} months.";
        }

        return errors;
    }

    private static void ValidateExpiry(ProgramForm form, Dictionary<string, string> errors)
    {
        if (!Enum.IsDefined(form.ExpiryKind))
        {
            errors[nameof(form.ExpiryKind)] = "Choose an expiry policy.";
            return;
        }

        if (form.ExpiryKind is ExpiryKind.AfterDays or ExpiryKind.Inactivity && (form.ExpiryDays is not { } days || days < 1 || days > MaxDays))
        {
            errors[nameof(form.ExpiryDays)] = form.ExpiryKind == ExpiryKind.AfterDays
                ? $"Enter after how many days points expire (1 to {MaxDays})."
                : $"Enter after how many days without activity points expire (1 to {MaxDays}).";
        }
    }

    private static void Apply(LoyaltyProgram program, ProgramForm form, DateTimeOffset now)
    {
        program.Name = form.Name!.Trim();
        program.UnitName = form.UnitName!.Trim();
        program.Status = form.Status;
        program.Terms = string.IsNullOrWhiteSpace(form.Terms) ? null : form.Terms.Trim();
        program.Currency = form.Currency!.Trim().ToUpperInvariant();
        program.TimeZoneId = form.TimeZoneId!.Trim();
        program.PointValue = form.PointValue!.Value;
        program.ExpiryKind = form.ExpiryKind;
        program.ExpiryDays = form.ExpiryKind is ExpiryKind.AfterDays or ExpiryKind.Inactivity ? form.ExpiryDays : null;
        program.PendingDays = form.PendingDays!.Value;
        program.TierBasis = form.TierBasis;
        program.TierWindowMonths = form.TierWindowMonths;
        program.TierDowngradePolicy = form.TierDowngradePolicy;
        if (form.TierDowngradePolicy == TierDowngradePolicy.AfterRetention)
        {
            program.TierRetentionMonths = form.TierRetentionMonths!.Value;
        }

        program.UpdatedAt = now;
    }

    private async Task<FormResult> SaveAsync(LoyaltyProgram program, CancellationToken ct)
    {
        program.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        try
        {
            await db.SaveChangesAsync(ct);
            return FormResult.Saved(program.Id);
        }
        catch (DbUpdateConcurrencyException)
        {
            return FormResult.Invalid("", "Someone else changed this program at the same time. Reload the page and try again.");
        }
    }
}
