using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Loyalty;
using VibeCrm.Data.Tenants;
using VibeCrm.Web.Features.Interactions;

namespace VibeCrm.Web.Features.Loyalty.Portal.Emails;

/// <summary>
/// The loyalty emails triggered by the engine (welcome, tier up, reward redeemed). Hangfire jobs: they take ids and run in
/// the tenant's scope; each is sent once per subject (<see cref="LoyaltyEmailSender"/>), however often the job runs.
/// </summary>
public sealed class LoyaltyEmailJob(TenantDbContext db, LoyaltyEmailSender emails)
{
    public Task<bool> SendWelcomeAsync(int membershipId, CancellationToken cancellationToken) =>
        emails.SendOnceAsync(membershipId, LoyaltyEmailKind.Welcome, [membershipId.ToString(System.Globalization.CultureInfo.InvariantCulture)], "loyalty-welcome",
            async to =>
            {
                var tier = await db.LoyaltyMemberships.AsNoTracking().Where(m => m.Id == membershipId)
                    .Select(m => db.Tiers.Where(t => t.Id == m.CurrentTierId).Select(t => t.Name).FirstOrDefault()).SingleOrDefaultAsync(cancellationToken);
                return Model(to, emails.LoyaltyUrl(to)) with { TierName = tier };
            },
            cancellationToken);

    public async Task<bool> SendTierUpAsync(long tierChangeId, CancellationToken cancellationToken)
    {
        var change = await db.TierChanges.AsNoTracking().SingleOrDefaultAsync(c => c.Id == tierChangeId, cancellationToken);
        if (change?.ToTierId is not { } tierId)
        {
            return false;
        }

        var tier = await db.Tiers.AsNoTracking().Include(t => t.Benefits).SingleAsync(t => t.Id == tierId, cancellationToken);
        return await emails.SendOnceAsync(change.MembershipId, LoyaltyEmailKind.TierUp, [tierChangeId.ToString(System.Globalization.CultureInfo.InvariantCulture)], "loyalty-tier-up",
            to => Task.FromResult(Model(to, emails.LoyaltyUrl(to)) with
            {
                TierName = tier.Name,
                Benefits = [.. tier.Benefits.OrderBy(b => b.Kind).Select(b => LoyaltyLabels.Benefit(b.Kind, b.Value, b.Description))],
            }),
            cancellationToken);
    }

    public async Task<bool> SendRewardRedeemedAsync(int redemptionId, CancellationToken cancellationToken)
    {
        var row = await (
            from r in db.Redemptions.AsNoTracking()
            join w in db.Rewards on r.RewardId equals w.Id
            where r.Id == redemptionId
            select new { r.MembershipId, r.Code, r.VoucherCode, r.Points, r.ExpiresAt, w.Name }).SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return false;
        }

        return await emails.SendOnceAsync(row.MembershipId, LoyaltyEmailKind.RewardRedeemed, [redemptionId.ToString(System.Globalization.CultureInfo.InvariantCulture)], "loyalty-reward-redeemed",
            to => Task.FromResult(Model(to, emails.LoyaltyUrl(to, $"code/{redemptionId}")) with
            {
                RewardName = row.Name,
                Code = row.Code,
                VoucherCode = row.VoucherCode,
                Points = LoyaltyLabels.Points(row.Points),
                ValidUntil = TenantTime.Format(row.ExpiresAt, to.TimeZoneId),
            }),
            cancellationToken);
    }

    internal static LoyaltyEmailModel Model(LoyaltyRecipient to, string url) => new()
    {
        RecipientName = to.Name,
        ActionUrl = url,
        ProgramName = to.ProgramName,
        UnitName = to.UnitName,
        Balance = LoyaltyLabels.Points(Math.Max(0, to.ActivePoints)),
    };
}
