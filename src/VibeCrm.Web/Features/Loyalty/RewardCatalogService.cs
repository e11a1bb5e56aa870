using System.Globalization;
using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Loyalty;
using VibeCrm.Data.Tenants;
using VibeCrm.Web.Features.Interactions;
using VibeCrm.Web.Features.Opportunities;

namespace VibeCrm.Web.Features.Loyalty;

/// <summary>What the reward form sends. Dates are local days in the program's time zone.</summary>
public sealed class RewardForm
{
    public string? Name { get; set; }

    public string? Description { get; set; }

    public RewardKind Kind { get; set; }

    /// <summary>Amount for amount off, percent for percent off.</summary>
    public decimal? Value { get; set; }

    public string? FreeItemSku { get; set; }

    public int? CostPoints { get; set; }

    /// <summary>Blank: unlimited.</summary>
    public int? Stock { get; set; }

    /// <summary>Blank: no limit.</summary>
    public int? PerMemberLimit { get; set; }

    public DateOnly? AvailableFrom { get; set; }

    /// <summary>Last day the reward can be redeemed (inclusive).</summary>
    public DateOnly? AvailableUntil { get; set; }

    public int? CodeValidDays { get; set; } = 30;

    public bool IsActive { get; set; } = true;

    /// <summary>Tiers that can see the reward; none ticked = everyone.</summary>
    public List<int> TierIds { get; set; } = [];

    /// <summary>Voucher codes to add to the pool, one per line (or comma separated).</summary>
    public string? PoolCodes { get; set; }

    public bool RemoveImage { get; set; }
}

public sealed record RewardListRow(
    int Id, string Name, RewardKind Kind, decimal? Value, string? FreeItemSku, int CostPoints, int? Stock, int IssuedCount, int? StockLeft,
    int Redemptions, int Consumed, int PoolLeft, bool IsActive, DateTimeOffset? AvailableFrom, DateTimeOffset? AvailableUntil, string? ImageUrl, IReadOnlyList<string> TierNames);

/// <summary>The rewards catalogue of a program as staff edit it: validation, the voucher code pool and the picture.</summary>
public sealed class RewardCatalogService(TenantDbContext db, RewardImages images, TimeProvider clock)
{
    public const int MaxNameLength = 100;
    public const int MaxDescriptionLength = 2000;
    public const int MaxCodeLength = 100;
    public const int MaxCodesPerUpload = 10_000;
    public const int MaxPoolFileBytes = 1024 * 1024;

    public async Task<IReadOnlyList<RewardListRow>> ListAsync(int programId, CancellationToken ct)
    {
        var rows = await db.Rewards.AsNoTracking().Where(r => r.ProgramId == programId)
            .OrderBy(r => !r.IsActive).ThenBy(r => r.CostPoints).ThenBy(r => r.Name)
            .Select(r => new
            {
                r,
                Redemptions = db.Redemptions.Count(x => x.RewardId == r.Id && x.Status != RedemptionStatus.Cancelled),
                Consumed = db.Redemptions.Count(x => x.RewardId == r.Id && x.Status == RedemptionStatus.Consumed),
                PoolLeft = db.RewardCodes.Count(c => c.RewardId == r.Id && c.RedemptionId == null),
                Tiers = r.Tiers.Select(t => t.TierId).ToList(),
            })
            .ToListAsync(ct);
        var tierNames = await db.Tiers.AsNoTracking().Where(t => t.ProgramId == programId).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        return [.. rows.Select(x => new RewardListRow(
            x.r.Id, x.r.Name, x.r.Kind, x.r.Value, x.r.FreeItemSku, x.r.CostPoints, x.r.Stock, x.r.IssuedCount,
            StockLeft(x.r, x.PoolLeft), x.Redemptions, x.Consumed, x.PoolLeft, x.r.IsActive, x.r.AvailableFrom, x.r.AvailableUntil, x.r.ImageUrl,
            [.. x.Tiers.Select(id => tierNames.GetValueOrDefault(id, "?"))]))];
    }

    /// <summary>What can still be issued: the stock left, and for vouchers no more than the unused pool codes. Null = unlimited.</summary>
    public static int? StockLeft(Reward reward, int poolLeft)
    {
        ArgumentNullException.ThrowIfNull(reward);
        int? left = reward.Stock is { } stock ? Math.Max(0, stock - reward.IssuedCount) : null;
        return reward.Kind == RewardKind.Voucher ? Math.Min(left ?? int.MaxValue, poolLeft) : left;
    }

    public Task<Reward?> FindAsync(int programId, int id, CancellationToken ct) =>
        db.Rewards.AsNoTracking().Include(r => r.Tiers).SingleOrDefaultAsync(r => r.ProgramId == programId && r.Id == id, ct);

    public static RewardForm FormOf(Reward reward, string timeZoneId)
    {
        ArgumentNullException.ThrowIfNull(reward);
        return new()
        {
            Name = reward.Name,
            Description = reward.Description,
            Kind = reward.Kind,
            Value = reward.Value,
            FreeItemSku = reward.FreeItemSku,
            CostPoints = reward.CostPoints,
            Stock = reward.Stock,
            PerMemberLimit = reward.PerMemberLimit,
            AvailableFrom = reward.AvailableFrom is { } from ? DateOnly.FromDateTime(TenantTime.ToLocal(from, timeZoneId)) : null,
            AvailableUntil = reward.AvailableUntil is { } until ? DateOnly.FromDateTime(TenantTime.ToLocal(until, timeZoneId)).AddDays(-1) : null,
            CodeValidDays = reward.CodeValidDays,
            IsActive = reward.IsActive,
            TierIds = [.. reward.Tiers.Select(t => t.TierId)],
        };
    }

    public async Task<FormResult> SaveAsync(int programId, int? id, RewardForm form, IFormFile? image, IFormFile? poolFile, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var program = await db.LoyaltyPrograms.AsNoTracking().SingleOrDefaultAsync(p => p.Id == programId, ct);
        if (program is null)
        {
            return FormResult.Invalid("", "This program no longer exists.");
        }

        Reward? reward = null;
        if (id is { } existing)
        {
            reward = await db.Rewards.Include(r => r.Tiers).SingleOrDefaultAsync(r => r.ProgramId == programId && r.Id == existing, ct);
            if (reward is null)
            {
                return FormResult.Invalid("", "This reward no longer exists.");
            }
        }

        var tierIds = await db.Tiers.Where(t => t.ProgramId == programId).Select(t => t.Id).ToListAsync(ct);
        var errors = Validate(form, reward, tierIds);
        var (codes, codeError) = await ReadCodesAsync(form.PoolCodes, poolFile, ct);
        if (codeError is not null)
        {
            errors[nameof(form.PoolCodes)] = codeError;
        }

        var existingCodes = reward is null ? [] : await db.RewardCodes.Where(c => c.RewardId == reward.Id).Select(c => c.Code).ToListAsync(ct);
        var newCodes = codes.Except(existingCodes, StringComparer.Ordinal).ToList();
        if (form.Kind == RewardKind.Voucher && !errors.ContainsKey(nameof(form.PoolCodes))
            && newCodes.Count == 0 && (reward is null || !await db.RewardCodes.AnyAsync(c => c.RewardId == reward.Id && c.RedemptionId == null, ct))
            && form.IsActive)
        {
            errors[nameof(form.PoolCodes)] = "A voucher reward hands out codes from its pool: paste or upload at least one code.";
        }

        if (form.Kind != RewardKind.Voucher && codes.Count > 0)
        {
            errors[nameof(form.PoolCodes)] = "Only voucher rewards have a code pool; choose the voucher kind or clear the codes.";
        }

        string? imageUrl = null;
        if (image is { Length: > 0 } && errors.Count == 0)
        {
            var (url, imageError) = await images.SaveAsync(image, ct);
            if (imageError is not null)
            {
                errors["Image"] = imageError;
            }

            imageUrl = url;
        }

        if (errors.Count > 0)
        {
            return new FormResult(null, errors);
        }

        var now = clock.GetUtcNow();
        if (reward is null)
        {
            reward = new Reward { ProgramId = programId, CreatedAt = now };
            db.Rewards.Add(reward);
        }

        Apply(reward, form, program.TimeZoneId, now);
        if (imageUrl is not null)
        {
            reward.ImageUrl = imageUrl;
        }
        else if (form.RemoveImage)
        {
            reward.ImageUrl = null;
        }

        reward.Tiers.RemoveAll(t => !form.TierIds.Contains(t.TierId));
        foreach (var tierId in form.TierIds.Distinct().Where(t => reward.Tiers.All(x => x.TierId != t)))
        {
            reward.Tiers.Add(new RewardTier { TierId = tierId });
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return FormResult.Invalid("", "A member redeemed this reward while you were editing. Reload the page and save again.");
        }

        if (newCodes.Count > 0)
        {
            db.RewardCodes.AddRange(newCodes.Select(c => new RewardCode { RewardId = reward.Id, Code = c }));
            await db.SaveChangesAsync(ct);
        }

        return FormResult.Saved(reward.Id);
    }

    /// <summary>Removes the unused codes of a voucher pool (handed-out codes stay with their redemptions).</summary>
    public async Task<int> ClearUnusedCodesAsync(int programId, int rewardId, CancellationToken ct) =>
        await db.RewardCodes.Where(c => c.RewardId == rewardId && c.RedemptionId == null && db.Rewards.Any(r => r.Id == rewardId && r.ProgramId == programId))
            .ExecuteDeleteAsync(ct);

    public static Dictionary<string, string> Validate(RewardForm form, Reward? existing, IReadOnlyCollection<int> programTierIds)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(programTierIds);
        var errors = new Dictionary<string, string>();
        var name = form.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors[nameof(form.Name)] = "Give the reward a name, e.g. Free coffee.";
        }
        else if (name.Length > MaxNameLength)
        {
            errors[nameof(form.Name)] = $"Keep the name under {MaxNameLength} characters.";
        }

        if ((form.Description?.Trim().Length ?? 0) > MaxDescriptionLength)
        {
            errors[nameof(form.Description)] = $"Keep the description under {MaxDescriptionLength} characters.";
        }

        switch (form.Kind)
        {
            case RewardKind.AmountOff when form.Value is not { } amount || amount <= 0 || amount > 100_000 || decimal.Round(amount, 2) != amount:
                errors[nameof(form.Value)] = "Enter the amount off, more than 0 with at most 2 decimals.";
                break;
            case RewardKind.PercentOff when form.Value is not { } percent || percent <= 0 || percent > 100 || decimal.Round(percent, 2) != percent:
                errors[nameof(form.Value)] = "Enter the percentage off, above 0 and at most 100.";
                break;
            case RewardKind.FreeItem when string.IsNullOrWhiteSpace(form.FreeItemSku):
                errors[nameof(form.FreeItemSku)] = "Enter the SKU of the item given away.";
                break;
            case RewardKind.FreeItem when form.FreeItemSku!.Trim().Length > 64:
                errors[nameof(form.FreeItemSku)] = "Keep the SKU under 64 characters.";
                break;
            case RewardKind.AmountOff or RewardKind.PercentOff or RewardKind.FreeItem or RewardKind.Voucher:
                break;
            default:
                errors[nameof(form.Kind)] = "Choose the kind of reward.";
                break;
        }

        if (form.CostPoints is not { } cost || cost < 1 || cost > 10_000_000)
        {
            errors[nameof(form.CostPoints)] = "The cost is a whole number of points from 1 to 10,000,000.";
        }

        if (form.Stock is { } stock)
        {
            var issued = existing?.IssuedCount ?? 0;
            if (stock < 0)
            {
                errors[nameof(form.Stock)] = "Stock cannot be negative; leave it blank for unlimited.";
            }
            else if (stock < issued)
            {
                errors[nameof(form.Stock)] = $"{issued.ToString(CultureInfo.InvariantCulture)} have already been issued: the stock cannot be lower.";
            }
        }

        if (form.PerMemberLimit is { } limit && limit < 1)
        {
            errors[nameof(form.PerMemberLimit)] = "The limit per member is at least 1; leave it blank for no limit.";
        }

        if (form.AvailableFrom is { } from && form.AvailableUntil is { } until && until < from)
        {
            errors[nameof(form.AvailableUntil)] = "The last day cannot be before the first day.";
        }

        if (form.CodeValidDays is not { } days || days < 1 || days > ProgramSettingsService.MaxDays)
        {
            errors[nameof(form.CodeValidDays)] = $"Codes stay valid 1 to {ProgramSettingsService.MaxDays} days.";
        }

        if (form.TierIds.Any(t => !programTierIds.Contains(t)))
        {
            errors[nameof(form.TierIds)] = "Choose tiers of this program.";
        }

        return errors;
    }

    /// <summary>Codes from the pasted text and the uploaded file: trimmed, one per line or comma separated, no duplicates.</summary>
    public static async Task<(List<string> Codes, string? Error)> ReadCodesAsync(string? pasted, IFormFile? file, CancellationToken ct)
    {
        var text = pasted ?? "";
        if (file is { Length: > 0 })
        {
            if (file.Length > MaxPoolFileBytes)
            {
                return ([], "The code file is too large: keep it under 1 MB.");
            }

            using var reader = new StreamReader(file.OpenReadStream());
            text += "\n" + await reader.ReadToEndAsync(ct);
        }

        var all = text.Split(['\n', '\r', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (all.Count > MaxCodesPerUpload)
        {
            return ([], $"Add at most {MaxCodesPerUpload.ToString("N0", CultureInfo.InvariantCulture)} codes at a time.");
        }

        if (all.FirstOrDefault(c => c.Length > MaxCodeLength) is { } tooLong)
        {
            return ([], $"The code \"{tooLong[..20]}…\" is longer than {MaxCodeLength} characters.");
        }

        if (all.FirstOrDefault(c => c.Any(char.IsControl)) is not null)
        {
            return ([], "Codes cannot contain control characters.");
        }

        var duplicates = all.GroupBy(c => c, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).Take(3).ToList();
        if (duplicates.Count > 0)
        {
            return ([], $"These codes appear more than once: {string.Join(", ", duplicates)}.");
        }

        return (all, null);
    }

    private static void Apply(Reward reward, RewardForm form, string timeZoneId, DateTimeOffset now)
    {
        reward.Name = form.Name!.Trim();
        reward.Description = string.IsNullOrWhiteSpace(form.Description) ? null : form.Description.Trim();
        reward.Kind = form.Kind;
        reward.Value = form.Kind is RewardKind.AmountOff or RewardKind.PercentOff ? form.Value : null;
        reward.FreeItemSku = form.Kind == RewardKind.FreeItem ? form.FreeItemSku!.Trim() : null;
        reward.CostPoints = form.CostPoints!.Value;
        reward.Stock = form.Stock;
        reward.PerMemberLimit = form.PerMemberLimit;
        reward.AvailableFrom = form.AvailableFrom is { } from ? TenantTime.ToUtc(from.ToDateTime(TimeOnly.MinValue), timeZoneId) : null;
        reward.AvailableUntil = form.AvailableUntil is { } until ? TenantTime.ToUtc(until.AddDays(1).ToDateTime(TimeOnly.MinValue), timeZoneId) : null;
        reward.CodeValidDays = form.CodeValidDays!.Value;
        reward.IsActive = form.IsActive;
        reward.UpdatedAt = now;
        reward.ConcurrencyStamp = Guid.NewGuid().ToString("N");
    }
}
