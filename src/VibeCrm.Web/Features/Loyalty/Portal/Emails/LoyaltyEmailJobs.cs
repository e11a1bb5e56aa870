using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Loyalty;
using VibeCrm.Data.Tenants;
using VibeCrm.Web.Features.Interactions;
using VibeCrm.Web.Infrastructure.Jobs;

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
                return Model(to, emails.PortalUrl()) with { TierName = tier };
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
            to => Task.FromResult(Model(to, emails.PortalUrl()) with
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
            to => Task.FromResult(Model(to, emails.PortalUrl($"me/loyalty/code/{redemptionId}")) with
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

/// <summary>
/// Per tenant, daily: warns members whose points expire within <see cref="WarningDays"/> days. Each lot is warned once
/// (one <see cref="LoyaltyEmail"/> row per lot, written before the send); one email per member lists all their lots.
/// </summary>
public sealed partial class ExpiringPointsWarningJob(TenantDbContext db, LoyaltyEmailSender emails, TimeProvider clock, ILogger<ExpiringPointsWarningJob> logger) : ITenantJob
{
    public const int WarningDays = 30;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var until = now.AddDays(WarningDays);
        var lots = await db.PointLots.AsNoTracking()
            .Where(l => !l.IsPending && l.Remaining > 0 && l.ExpiresAt != null && l.ExpiresAt > now && l.ExpiresAt <= until)
            .Where(l => db.LoyaltyPrograms.Any(p => p.Id == l.ProgramId && p.Status == ProgramStatus.Active))
            .Select(l => new { l.Id, l.MembershipId, l.Remaining, ExpiresAt = l.ExpiresAt!.Value })
            .ToListAsync(cancellationToken);
        var candidates = lots.Select(l => Key(l.Id)).ToList();
        var warnedKeys = (await db.LoyaltyEmails.AsNoTracking()
            .Where(e => e.Kind == LoyaltyEmailKind.PointsExpiring && e.SentAt != null && candidates.Contains(e.SubjectKey))
            .Select(e => e.SubjectKey)
            .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var sent = 0;
        foreach (var member in lots.Where(l => !warnedKeys.Contains(Key(l.Id))).GroupBy(l => l.MembershipId))
        {
            var memberLots = member.OrderBy(l => l.ExpiresAt).ToList();
            if (await emails.SendOnceAsync(member.Key, LoyaltyEmailKind.PointsExpiring, [.. memberLots.Select(l => Key(l.Id))], "loyalty-points-expiring",
                to => Task.FromResult(LoyaltyEmailJob.Model(to, emails.PortalUrl()) with
                {
                    Points = LoyaltyLabels.Points(memberLots.Sum(l => l.Remaining)),
                    Lines = [.. memberLots.GroupBy(l => Interactions.TenantTime.ToLocal(l.ExpiresAt, to.TimeZoneId).Date)
                        .Select(g => new LoyaltyEmailLine(g.Key.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture), $"{LoyaltyLabels.Points(g.Sum(l => l.Remaining))} {to.UnitName}"))],
                }),
                cancellationToken))
            {
                sent++;
            }
        }

        if (sent > 0)
        {
            LogSent(logger, sent);
        }
    }

    private static string Key(int lotId) => lotId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Count} points-expiring warnings")]
    private static partial void LogSent(ILogger logger, int count);
}
