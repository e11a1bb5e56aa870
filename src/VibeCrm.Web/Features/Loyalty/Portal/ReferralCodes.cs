using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Loyalty;
using VibeCrm.Data.Tenants;

namespace VibeCrm.Web.Features.Loyalty.Portal;

public sealed record ReferralSummary(string Code, int FriendsJoined, int PointsEarned);

/// <summary>
/// Per-member referral codes (8 random Crockford base32 characters, 40 bits) and the credit when a friend joins with one:
/// one <see cref="LoyaltyReferral"/> per new member (unique), and the referral bonus through the engine keyed by the friend.
/// </summary>
public sealed class ReferralCodes(TenantDbContext db, LoyaltyLedger ledger, TimeProvider clock)
{
    public const int Length = 8;

    public async Task<string> GetOrCreateAsync(int membershipId, CancellationToken ct)
    {
        var existing = await db.LoyaltyReferralCodes.AsNoTracking().Where(c => c.MembershipId == membershipId).Select(c => c.Code).SingleOrDefaultAsync(ct);
        if (existing is not null)
        {
            return existing;
        }

        for (var attempt = 0; ; attempt++)
        {
            var code = RewardRedemptions.NewCode()[..Length];
            db.LoyaltyReferralCodes.Add(new LoyaltyReferralCode { MembershipId = membershipId, Code = code, CreatedAt = clock.GetUtcNow() });
            try
            {
                await db.SaveChangesAsync(ct);
                return code;
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                db.ChangeTracker.Clear();
                var raced = await db.LoyaltyReferralCodes.AsNoTracking().Where(c => c.MembershipId == membershipId).Select(c => c.Code).SingleOrDefaultAsync(ct);
                if (raced is not null)
                {
                    return raced;
                }
            }
        }
    }

    public async Task<ReferralSummary> SummaryAsync(int membershipId, CancellationToken ct)
    {
        var code = await GetOrCreateAsync(membershipId, ct);
        var friends = await db.LoyaltyReferrals.CountAsync(r => r.ReferrerMembershipId == membershipId, ct);
        var points = await (
            from r in db.LoyaltyReferrals
            join e in db.LedgerEntries on r.BonusEntryId equals e.Id
            where r.ReferrerMembershipId == membershipId
            select e.ActiveDelta).SumAsync(ct);
        return new ReferralSummary(code, friends, points);
    }

    /// <summary>Who owns a code (first name only, for "Emma invited you"), or null for an unknown code.</summary>
    public async Task<string?> ReferrerNameAsync(string? code, CancellationToken ct)
    {
        var normalized = Normalize(code);
        if (normalized is null)
        {
            return null;
        }

        return await (
            from c in db.LoyaltyReferralCodes.AsNoTracking()
            join m in db.LoyaltyMemberships on c.MembershipId equals m.Id
            join cu in db.Customers on m.CustomerId equals cu.Id
            where c.Code == normalized
            select cu.FirstName).SingleOrDefaultAsync(ct);
    }

    /// <summary>The program of the member who owns a code (a friend is offered that program first), or null.</summary>
    public async Task<int?> ProgramOfAsync(string? code, CancellationToken ct)
    {
        var normalized = Normalize(code);
        return normalized is null
            ? null
            : await (
                from c in db.LoyaltyReferralCodes.AsNoTracking()
                join m in db.LoyaltyMemberships on c.MembershipId equals m.Id
                where c.Code == normalized
                select (int?)m.ProgramId).SingleOrDefaultAsync(ct);
    }

    /// <summary>Credits the referrer once for a member who has just joined with their code (same program, not themselves).</summary>
    public async Task<bool> CreditAsync(string code, int newMembershipId, CancellationToken ct)
    {
        var normalized = Normalize(code);
        var referrer = normalized is null
            ? null
            : await (
                from c in db.LoyaltyReferralCodes.AsNoTracking()
                join m in db.LoyaltyMemberships on c.MembershipId equals m.Id
                where c.Code == normalized
                select new { m.Id, m.ProgramId, m.CustomerId }).SingleOrDefaultAsync(ct);
        var friend = await db.LoyaltyMemberships.AsNoTracking().Where(m => m.Id == newMembershipId).Select(m => new { m.ProgramId, m.CustomerId }).SingleOrDefaultAsync(ct);
        if (referrer is null || friend is null || referrer.ProgramId != friend.ProgramId || referrer.CustomerId == friend.CustomerId
            || await db.LoyaltyReferrals.AnyAsync(r => r.ReferredMembershipId == newMembershipId, ct))
        {
            return false;
        }

        var referral = new LoyaltyReferral { ReferrerMembershipId = referrer.Id, ReferredMembershipId = newMembershipId, CreatedAt = clock.GetUtcNow() };
        db.LoyaltyReferrals.Add(referral);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false; // credited concurrently
        }

        var bonus = await ledger.AwardBonusAsync(referrer.Id, EarnRuleKind.ReferralBonus, $"member:{newMembershipId}", ct);
        if (bonus.EntryId is { } entryId)
        {
            await db.LoyaltyReferrals.Where(r => r.Id == referral.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.BonusEntryId, entryId), ct);
        }

        return true;
    }

    public static string? Normalize(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var trimmed = code.Trim().ToUpperInvariant();
        return trimmed.Length == Length && trimmed.All(c => char.IsAsciiLetterOrDigit(c)) ? trimmed : null;
    }
}
