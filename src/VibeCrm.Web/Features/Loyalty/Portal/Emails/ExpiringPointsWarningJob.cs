using System.Globalization;
using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Loyalty;
using VibeCrm.Data.Tenants;
using VibeCrm.Web.Features.Interactions;
using VibeCrm.Web.Features.Loyalty.Rules;
using VibeCrm.Web.Infrastructure.Jobs;

namespace VibeCrm.Web.Features.Loyalty.Portal.Emails;

/// <summary>
/// Per tenant, daily: warns members whose points expire within <see cref="WarningDays"/> days: lots with an expiry date,
/// and the whole balance of members of an inactivity program whose inactivity deadline comes within the window. Each
/// lot is warned once (one <see cref="LoyaltyEmail"/> row per lot), each inactivity deadline once (one row per
/// membership and deadline: activity moves the deadline, and the new one gets its own warning when it comes near).
/// One email per member lists everything that expires.
/// </summary>
public sealed partial class ExpiringPointsWarningJob(TenantDbContext db, LoyaltyEmailSender emails, TimeProvider clock, ILogger<ExpiringPointsWarningJob> logger) : ITenantJob
{
    public const int WarningDays = 30;

    private sealed record Expiry(int MembershipId, string Key, DateTimeOffset ExpiresAt, int Points, bool Inactivity);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var expiries = (await LotsAsync(now, cancellationToken)).Concat(await InactivityAsync(now, cancellationToken)).ToList();
        var candidates = expiries.Select(e => e.Key).ToList();
        var warnedKeys = (await db.LoyaltyEmails.AsNoTracking()
            .Where(e => e.Kind == LoyaltyEmailKind.PointsExpiring && e.SentAt != null && candidates.Contains(e.SubjectKey))
            .Select(e => e.SubjectKey)
            .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var sent = 0;
        foreach (var member in expiries.Where(e => !warnedKeys.Contains(e.Key)).GroupBy(e => e.MembershipId))
        {
            var owed = member.OrderBy(e => e.ExpiresAt).ToList();
            if (await emails.SendOnceAsync(member.Key, LoyaltyEmailKind.PointsExpiring, [.. owed.Select(e => e.Key)], "loyalty-points-expiring",
                to => Task.FromResult(Model(to, owed)), cancellationToken))
            {
                sent++;
            }
        }

        if (sent > 0)
        {
            LogSent(logger, sent);
        }
    }

    private LoyaltyEmailModel Model(LoyaltyRecipient to, List<Expiry> owed)
    {
        var inactivity = owed.Any(e => e.Inactivity);
        var points = inactivity ? Math.Max(0, to.ActivePoints) : owed.Sum(e => e.Points); // the inactivity deadline takes everything
        return LoyaltyEmailJob.Model(to, emails.LoyaltyUrl(to)) with
        {
            Points = LoyaltyLabels.Points(points),
            ExpiresForInactivity = inactivity,
            Lines = [.. owed.GroupBy(e => TenantTime.ToLocal(e.ExpiresAt, to.TimeZoneId).Date)
                .Select(g => new LoyaltyEmailLine(
                    g.Key.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
                    g.Any(e => e.Inactivity) ? $"all your {to.UnitName}" : $"{LoyaltyLabels.Points(g.Sum(e => e.Points))} {to.UnitName}"))],
        };
    }

    private async Task<List<Expiry>> LotsAsync(DateTimeOffset now, CancellationToken ct)
    {
        var until = now.AddDays(WarningDays);
        var lots = await db.PointLots.AsNoTracking()
            .Where(l => !l.IsPending && l.Remaining > 0 && l.ExpiresAt != null && l.ExpiresAt > now && l.ExpiresAt <= until)
            .Where(l => db.LoyaltyPrograms.Any(p => p.Id == l.ProgramId && p.Status == ProgramStatus.Active))
            .Select(l => new { l.Id, l.MembershipId, l.Remaining, ExpiresAt = l.ExpiresAt!.Value })
            .ToListAsync(ct);
        return [.. lots.Select(l => new Expiry(l.MembershipId, l.Id.ToString(CultureInfo.InvariantCulture), l.ExpiresAt, l.Remaining, Inactivity: false))];
    }

    /// <summary>Members of active inactivity programs with points to lose whose deadline is in (now, now + warning days].</summary>
    private async Task<List<Expiry>> InactivityAsync(DateTimeOffset now, CancellationToken ct)
    {
        var programs = await db.LoyaltyPrograms.AsNoTracking()
            .Where(p => p.Status == ProgramStatus.Active && p.ExpiryKind == ExpiryKind.Inactivity && p.ExpiryDays > 0)
            .Select(p => new { p.Id, p.ExpiryKind, p.ExpiryDays })
            .ToListAsync(ct);
        var expiries = new List<Expiry>();
        foreach (var program in programs)
        {
            var (after, until) = ExpiryPolicy.InactivityWarningWindow(program.ExpiryDays, now, WarningDays);
            var members = await db.LoyaltyMemberships.AsNoTracking()
                .Where(m => m.ProgramId == program.Id && m.ActivePoints > 0 && m.LastActivityAt > after && m.LastActivityAt <= until)
                .Select(m => new { m.Id, m.ActivePoints, m.LastActivityAt })
                .ToListAsync(ct);
            expiries.AddRange(members.Select(m =>
            {
                var expiresAt = ExpiryPolicy.InactivityExpiresAt(program.ExpiryKind, program.ExpiryDays, m.LastActivityAt)!.Value;
                return new Expiry(m.Id, InactivityKey(m.Id, expiresAt), expiresAt, m.ActivePoints, Inactivity: true);
            }));
        }

        return expiries;
    }

    /// <summary>One warning per membership and deadline (the lots' keys are bare ids, so these cannot collide with them).</summary>
    internal static string InactivityKey(int membershipId, DateTimeOffset expiresAt) =>
        string.Create(CultureInfo.InvariantCulture, $"inactive:{membershipId}:{expiresAt.UtcDateTime:yyyyMMddHHmmss}");

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Count} points-expiring warnings")]
    private static partial void LogSent(ILogger logger, int count);
}
