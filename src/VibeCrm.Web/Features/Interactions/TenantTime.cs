namespace VibeCrm.Web.Features.Interactions;

/// <summary>Conversions between stored UTC times and the tenant's wall clock.</summary>
public static class TenantTime
{
    public static TimeZoneInfo Zone(string timeZoneId) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;

    public static DateTime ToLocal(DateTimeOffset utc, string timeZoneId) => TimeZoneInfo.ConvertTime(utc, Zone(timeZoneId)).DateTime;

    public static DateTimeOffset ToUtc(DateTime local, string timeZoneId)
    {
        var zone = Zone(timeZoneId);
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddHours(1); // a wall-clock time skipped by a DST change
        }

        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified)).ToUniversalTime();
    }

    public static DateOnly Today(TimeProvider clock, string timeZoneId) => DateOnly.FromDateTime(ToLocal(clock.GetUtcNow(), timeZoneId));

    /// <summary>For display: "12 Mar 2026 14:05" in the tenant's time zone.</summary>
    public static string Format(DateTimeOffset utc, string timeZoneId) =>
        ToLocal(utc, timeZoneId).ToString("d MMM yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
