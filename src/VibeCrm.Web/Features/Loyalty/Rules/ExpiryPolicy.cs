using VibeCrm.Data.Loyalty;

namespace VibeCrm.Web.Features.Loyalty.Rules;

/// <summary>
/// When points expire. Per lot: never, N days after earning, or at the end of the local month or year they were earned in
/// (the first instant of the next period in the program's time zone). Inactivity expiry is per membership: everything
/// left expires N days after the last activity.
/// </summary>
public static class ExpiryPolicy
{
    public static DateTimeOffset? LotExpiresAt(ExpiryKind kind, int? days, DateTimeOffset earnedAt, TimeZoneInfo timeZone) => kind switch
    {
        ExpiryKind.AfterDays => earnedAt.ToUniversalTime().AddDays(RequireDays(days)),
        ExpiryKind.EndOfMonth => StartOfNextPeriod(earnedAt, timeZone, months: 1),
        ExpiryKind.EndOfYear => StartOfNextPeriod(earnedAt, timeZone, months: 12),
        _ => null,
    };

    /// <summary>For <see cref="ExpiryKind.Inactivity"/>: when a membership's points expire unless it is active again.</summary>
    public static DateTimeOffset? InactivityExpiresAt(ExpiryKind kind, int? days, DateTimeOffset lastActivityAt) =>
        kind == ExpiryKind.Inactivity ? lastActivityAt.ToUniversalTime().AddDays(RequireDays(days)) : null;

    /// <summary>The latest last-activity time that is expired at <paramref name="now"/> (for a database query).</summary>
    public static DateTimeOffset InactiveBefore(int? days, DateTimeOffset now) => now.ToUniversalTime().AddDays(-RequireDays(days));

    /// <summary>
    /// For <see cref="ExpiryKind.Inactivity"/>: the last-activity times whose expiry falls in (<paramref name="now"/>,
    /// <paramref name="now"/> + <paramref name="warningDays"/>]: after <c>After</c>, up to and including <c>Until</c>.
    /// </summary>
    public static (DateTimeOffset After, DateTimeOffset Until) InactivityWarningWindow(int? days, DateTimeOffset now, int warningDays) =>
        (InactiveBefore(days, now), InactiveBefore(days, now.AddDays(warningDays)));

    public static bool IsExpired(DateTimeOffset? expiresAt, DateTimeOffset now) => expiresAt is { } at && at <= now;

    private static int RequireDays(int? days) =>
        days is > 0 ? days.Value : throw new InvalidOperationException("This expiry policy needs a positive number of days.");

    private static DateTimeOffset StartOfNextPeriod(DateTimeOffset earnedAt, TimeZoneInfo timeZone, int months)
    {
        var local = TimeZoneInfo.ConvertTime(earnedAt, timeZone).DateTime;
        var start = months == 12
            ? new DateTime(local.Year + 1, 1, 1, 0, 0, 0, DateTimeKind.Unspecified)
            : new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified).AddMonths(1);
        while (timeZone.IsInvalidTime(start))
        {
            start = start.AddMinutes(30); // midnight skipped by a clock change: the first valid local time
        }

        return new DateTimeOffset(start, timeZone.GetUtcOffset(start)).ToUniversalTime();
    }
}
