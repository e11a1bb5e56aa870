using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Loyalty;
using VibeCrm.Data.Tenants;

namespace VibeCrm.Web.Features.Loyalty;

public sealed record RewardRow(int Id, string Name, string? Description, string? ImageUrl, RewardKind Kind, decimal? Value, int CostPoints, int? StockLeft, DateTimeOffset? AvailableUntil, bool Affordable);

public sealed record RedemptionView(
    int Id,
    int MembershipId,
    int RewardId,
    string RewardName,
    RewardKind Kind,
    decimal? Value,
    string? FreeItemSku,
    string Code,
    string? VoucherCode,
    int Points,
    RedemptionStatus Status,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt,
    bool IsUsable);

public sealed record RedemptionOutcome(CommandResult Result, RedemptionView? Redemption = null)
{
    public static RedemptionOutcome Fail(string error, string code) => new(CommandResult.Fail(error, code));

    public static RedemptionOutcome Fail(CommandResult refusal) => new(refusal);
}

/// <summary>
/// The rewards catalogue as a member sees it, and the life of a redemption: redeem (points spent, code issued),
/// validate and consume at the till, cancel an unused code (points go back to the lots they came from).
/// A code that expires unused keeps its points spent unless it is cancelled.
/// </summary>
public sealed class RewardRedemptions(TenantDbContext db, LedgerRunner runner, TimeProvider clock, ILoyaltyEvents events)
{
    /// <summary>Crockford base32: no I, L, O, U.</summary>
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public const int CodeLength = 10;

    /// <summary>Rewards the member can see now: active, in their window, in stock, visible to their tier.</summary>
    public async Task<IReadOnlyList<RewardRow>> ListAvailableAsync(int membershipId, CancellationToken ct)
    {
        var membership = await db.LoyaltyMemberships.AsNoTracking().SingleOrDefaultAsync(m => m.Id == membershipId, ct);
        if (membership is null)
        {
            return [];
        }

        var now = clock.GetUtcNow();
        var tierId = membership.CurrentTierId ?? -1;
        var rewards = await db.Rewards.AsNoTracking()
            .Where(r => r.ProgramId == membership.ProgramId && r.IsActive
                && (r.AvailableFrom == null || r.AvailableFrom <= now)
                && (r.AvailableUntil == null || r.AvailableUntil > now)
                && (r.Stock == null || r.IssuedCount < r.Stock)
                && (!r.Tiers.Any() || r.Tiers.Any(t => t.TierId == tierId)))
            .OrderBy(r => r.CostPoints).ThenBy(r => r.Name)
            .Select(r => new RewardRow(r.Id, r.Name, r.Description, r.ImageUrl, r.Kind, r.Value, r.CostPoints,
                r.Stock == null ? null : r.Stock - r.IssuedCount, r.AvailableUntil, r.CostPoints <= membership.ActivePoints))
            .ToListAsync(ct);
        return rewards;
    }

    /// <summary>Spends the reward's cost (oldest-expiring lots first) and issues a unique code.</summary>
    public async Task<RedemptionOutcome> RedeemAsync(int membershipId, int rewardId, CancellationToken ct)
    {
        if (!await db.LoyaltyMemberships.AnyAsync(m => m.Id == membershipId, ct))
        {
            return RedemptionOutcome.Fail("No such member.", LoyaltyErrors.NotAMember);
        }

        var outcome = await runner.RunAsync(membershipId, async s =>
        {
            var reward = await s.Db.Rewards.Include(r => r.Tiers).SingleOrDefaultAsync(r => r.Id == rewardId && r.ProgramId == s.Program.Id, ct);
            var refusal = reward is null ? CommandResult.Fail("No such reward.", LoyaltyErrors.UnknownReward) : await RefusalAsync(s, reward, ct);
            if (refusal is not null)
            {
                s.Abort();
                return RedemptionOutcome.Fail(refusal);
            }

            string? voucher = null;
            RewardCode? poolCode = null;
            if (reward!.Kind == RewardKind.Voucher)
            {
                poolCode = await s.Db.RewardCodes.Where(c => c.RewardId == reward.Id && c.RedemptionId == null).OrderBy(c => c.Id).FirstOrDefaultAsync(ct);
                if (poolCode is null)
                {
                    s.Abort();
                    return RedemptionOutcome.Fail("This reward is out of stock.", LoyaltyErrors.RewardOutOfStock);
                }

                voucher = poolCode.Code;
            }

            var redemption = new Redemption
            {
                ProgramId = s.Program.Id,
                MembershipId = s.Membership.Id,
                RewardId = reward.Id,
                Code = NewCode(),
                VoucherCode = voucher,
                Points = reward.CostPoints,
                Status = RedemptionStatus.Issued,
                IssuedAt = s.Now,
                ExpiresAt = s.Now.AddDays(Math.Max(1, reward.CodeValidDays)),
            };
            s.Db.Redemptions.Add(redemption);
            reward.IssuedCount++;
            reward.ConcurrencyStamp = Guid.NewGuid().ToString("N");
            await s.SaveAsync(ct);
            if (poolCode is not null)
            {
                poolCode.RedemptionId = redemption.Id;
                poolCode.AssignedAt = s.Now;
            }

            if (reward.CostPoints > 0)
            {
                await s.SpendAsync(LedgerEntryType.Redeem, reward.CostPoints, ct, redemption.Id, reward.Name, $"redeem:{redemption.Id}");
            }

            s.Touch();
            await s.SaveAsync(ct);
            return new RedemptionOutcome(CommandResult.Ok, View(redemption, reward));
        }, ct);
        if (outcome.Redemption is { } issued)
        {
            runner.AfterCommit(() => events.RewardRedeemed(membershipId, issued.Id));
        }

        return outcome;
    }

    /// <summary>What the till sees for a code (case, spaces and dashes ignored; O/I/L read as 0/1/1). Null when unknown.</summary>
    public async Task<RedemptionView?> ValidateAsync(string code, CancellationToken ct)
    {
        var normalized = Normalize(code);
        if (normalized is null)
        {
            return null;
        }

        var row = await (
            from r in db.Redemptions.AsNoTracking()
            join w in db.Rewards on r.RewardId equals w.Id
            where r.Code == normalized
            select new { r, w }).SingleOrDefaultAsync(ct);
        return row is null ? null : View(row.r, row.w);
    }

    /// <summary>The till uses the code: once, before it expires.</summary>
    public async Task<CommandResult> ConsumeAsync(string code, string? storeCode, CancellationToken ct)
    {
        var view = await ValidateAsync(code, ct);
        if (view is null)
        {
            return CommandResult.Fail("Unknown code.", LoyaltyErrors.UnknownCode);
        }

        if (!view.IsUsable)
        {
            return Unusable(view);
        }

        var now = clock.GetUtcNow();
        var store = storeCode?.Trim();
        var updated = await db.Redemptions
            .Where(r => r.Id == view.Id && r.Status == RedemptionStatus.Issued && r.ExpiresAt > now)
            .ExecuteUpdateAsync(u => u
                .SetProperty(r => r.Status, RedemptionStatus.Consumed)
                .SetProperty(r => r.ConsumedAt, now)
                .SetProperty(r => r.ConsumedAtStore, store), ct);
        return updated == 1 ? CommandResult.Ok : CommandResult.Fail("This code was just used or cancelled.", LoyaltyErrors.CodeChanged);
    }

    /// <summary>Cancels an unused code (even past its expiry): the points go back to the very lots they came from.</summary>
    public async Task<CommandResult> CancelAsync(string code, CancellationToken ct)
    {
        var view = await ValidateAsync(code, ct);
        if (view is null)
        {
            return CommandResult.Fail("Unknown code.", LoyaltyErrors.UnknownCode);
        }

        if (view.Status != RedemptionStatus.Issued)
        {
            return view.Status == RedemptionStatus.Consumed ? Unusable(view) : CommandResult.Fail("This code is already cancelled.", LoyaltyErrors.CodeCancelled);
        }

        return await runner.RunAsync(view.MembershipId, async s =>
        {
            var redemption = await s.Db.Redemptions.SingleAsync(r => r.Id == view.Id, ct);
            if (redemption.Status != RedemptionStatus.Issued)
            {
                s.Abort();
                return CommandResult.Fail("This code was just used or cancelled.", LoyaltyErrors.CodeChanged);
            }

            // guards against a concurrent consume at the till, which does not take the membership lock
            var claimed = await s.Db.Redemptions
                .Where(r => r.Id == redemption.Id && r.Status == RedemptionStatus.Issued)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, RedemptionStatus.Cancelled).SetProperty(r => r.CancelledAt, s.Now), ct);
            if (claimed != 1)
            {
                s.Abort();
                return CommandResult.Fail("This code was just used or cancelled.", LoyaltyErrors.CodeChanged);
            }

            var spend = await s.Db.LedgerEntries.SingleOrDefaultAsync(e => e.RedemptionId == redemption.Id && e.Type == LedgerEntryType.Redeem, ct);
            if (spend is not null)
            {
                await s.RestoreAsync(spend, redemption.Id, $"Cancelled {redemption.Code}", ct);
            }

            var reward = await s.Db.Rewards.SingleAsync(r => r.Id == redemption.RewardId, ct);
            reward.IssuedCount = Math.Max(0, reward.IssuedCount - 1);
            reward.ConcurrencyStamp = Guid.NewGuid().ToString("N");
            return CommandResult.Ok;
        }, ct);
    }

    /// <summary>The member's codes, newest first.</summary>
    public async Task<IReadOnlyList<RedemptionView>> ListForMemberAsync(int membershipId, CancellationToken ct)
    {
        var rows = await (
            from r in db.Redemptions.AsNoTracking()
            join w in db.Rewards on r.RewardId equals w.Id
            where r.MembershipId == membershipId
            orderby r.Id descending
            select new { r, w }).ToListAsync(ct);
        return [.. rows.Select(x => View(x.r, x.w))];
    }

    public static string? Normalize(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var chars = code.Where(c => c is not ('-' or ' ')).Select(c => char.ToUpperInvariant(c) switch
        {
            'O' => '0',
            'I' or 'L' => '1',
            var other => other,
        }).ToArray();
        return chars.Length == CodeLength && chars.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? new string(chars) : null;
    }

    /// <summary>10 random Crockford base32 characters: 50 bits from the system's CSPRNG.</summary>
    public static string NewCode() => RandomNumberGenerator.GetString(Alphabet, CodeLength);

    private static async Task<CommandResult?> RefusalAsync(LedgerSession s, Reward reward, CancellationToken ct)
    {
        if (s.Program.Status != ProgramStatus.Active)
        {
            return CommandResult.Fail("This loyalty program is not active.", LoyaltyErrors.ProgramNotActive);
        }

        if (!reward.IsActive || (reward.AvailableFrom is { } from && from > s.Now) || (reward.AvailableUntil is { } until && until <= s.Now))
        {
            return CommandResult.Fail("This reward is not available now.", LoyaltyErrors.RewardNotAvailableNow);
        }

        if (reward.Tiers.Count > 0 && !reward.Tiers.Any(t => t.TierId == s.Membership.CurrentTierId))
        {
            return CommandResult.Fail("This reward is for other tiers.", LoyaltyErrors.RewardForOtherTiers);
        }

        if (reward.Stock is { } stock && reward.IssuedCount >= stock)
        {
            return CommandResult.Fail("This reward is out of stock.", LoyaltyErrors.RewardOutOfStock);
        }

        if (reward.PerMemberLimit is { } limit
            && await s.Db.Redemptions.CountAsync(r => r.MembershipId == s.Membership.Id && r.RewardId == reward.Id && r.Status != RedemptionStatus.Cancelled, ct) >= limit)
        {
            return CommandResult.Fail("You have already redeemed this reward as often as allowed.", LoyaltyErrors.RewardLimitReached);
        }

        if (s.Membership.ActivePoints < reward.CostPoints)
        {
            return CommandResult.Fail($"Not enough {s.Program.UnitName}: {reward.CostPoints} needed, {Math.Max(0, s.Membership.ActivePoints)} available.", LoyaltyErrors.InsufficientPoints);
        }

        return null;
    }

    private RedemptionView View(Redemption r, Reward w) => new(
        r.Id, r.MembershipId, r.RewardId, w.Name, w.Kind, w.Value, w.FreeItemSku, r.Code, r.VoucherCode, r.Points, r.Status, r.IssuedAt, r.ExpiresAt,
        r.Status == RedemptionStatus.Issued && r.ExpiresAt > clock.GetUtcNow());

    private static CommandResult Unusable(RedemptionView view) => view.Status switch
    {
        RedemptionStatus.Consumed => CommandResult.Fail("This code has been used.", LoyaltyErrors.CodeUsed),
        RedemptionStatus.Cancelled => CommandResult.Fail("This code was cancelled.", LoyaltyErrors.CodeCancelled),
        _ => CommandResult.Fail("This code has expired.", LoyaltyErrors.CodeExpired),
    };
}
