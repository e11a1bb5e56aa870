using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Feedback;
using VibeCrm.Data.Loyalty;
using VibeCrm.Data.Tenants;
using VibeCrm.Web.Features.Loyalty;

namespace VibeCrm.Web.Features.Feedback;

/// <summary>
/// The loyalty review bonus for a published review of a customer with a membership. The ledger key
/// <c>review:{id}</c> makes it idempotent: publishing, hiding and publishing again never pays twice.
/// </summary>
public sealed class ReviewBonus(TenantDbContext db, LoyaltyLedger ledger)
{
    public async Task<int> AwardAsync(int itemId, CancellationToken ct)
    {
        var item = await db.FeedbackItems.AsNoTracking()
            .Where(i => i.Id == itemId && i.Type == FeedbackType.Review && i.Moderation == ModerationState.Published && i.CustomerId != null)
            .Select(i => new { i.CustomerId })
            .FirstOrDefaultAsync(ct);
        if (item is null)
        {
            return 0;
        }

        var memberships = await (
            from m in db.LoyaltyMemberships.AsNoTracking()
            join p in db.LoyaltyPrograms on m.ProgramId equals p.Id
            where m.CustomerId == item.CustomerId && p.Status == ProgramStatus.Active
            select m.Id).ToListAsync(ct);
        var points = 0;
        foreach (var membershipId in memberships)
        {
            var outcome = await ledger.AwardBonusAsync(membershipId, EarnRuleKind.ReviewBonus, $"review:{itemId}", ct);
            if (outcome.Result.Succeeded && !outcome.Duplicate)
            {
                points += outcome.Points;
            }
        }

        return points;
    }
}
