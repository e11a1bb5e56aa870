using VibeCrm.Data.Loyalty;
using VibeCrm.Web.Features.Loyalty.Rules;

namespace VibeCrm.UnitTests.Loyalty;

public sealed class ExpiryPolicyTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    private static readonly TimeZoneInfo Auckland = TimeZoneInfo.FindSystemTimeZoneById("Pacific/Auckland");

    [Fact]
    public void Never_has_no_expiry()
    {
        Assert.Null(ExpiryPolicy.LotExpiresAt(ExpiryKind.Never, null, DateTimeOffset.UtcNow, Paris));
        Assert.Null(ExpiryPolicy.InactivityExpiresAt(ExpiryKind.Never, null, DateTimeOffset.UtcNow));
    }

    [Fact]
    public void After_days_counts_from_earning()
    {
        var earned = new DateTimeOffset(2026, 3, 11, 15, 0, 0, TimeSpan.FromHours(1));
        Assert.Equal(new DateTimeOffset(2027, 3, 11, 14, 0, 0, TimeSpan.Zero), ExpiryPolicy.LotExpiresAt(ExpiryKind.AfterDays, 365, earned, Paris));
    }

    [Fact]
    public void After_days_needs_a_number_of_days()
    {
        Assert.Throws<InvalidOperationException>(() => ExpiryPolicy.LotExpiresAt(ExpiryKind.AfterDays, null, DateTimeOffset.UtcNow, Paris));
    }

    [Fact]
    public void End_of_month_is_local_midnight_of_the_next_month()
    {
        // 31 March 23:30 UTC is already 1 April in Paris (UTC+2 in summer): the lot belongs to April
        var earned = new DateTimeOffset(2026, 3, 31, 23, 30, 0, TimeSpan.Zero);
        var expires = ExpiryPolicy.LotExpiresAt(ExpiryKind.EndOfMonth, null, earned, Paris);
        Assert.Equal(new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.FromHours(2)), expires);

        var midMonth = new DateTimeOffset(2026, 1, 15, 10, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.FromHours(1)), ExpiryPolicy.LotExpiresAt(ExpiryKind.EndOfMonth, null, midMonth, Paris));
    }

    [Fact]
    public void End_of_year_is_local_new_year()
    {
        // 31 December 12:00 UTC is 1 January 01:00 in Auckland: the lot belongs to the next year
        var earned = new DateTimeOffset(2026, 12, 31, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2028, 1, 1, 0, 0, 0, TimeSpan.FromHours(13)), ExpiryPolicy.LotExpiresAt(ExpiryKind.EndOfYear, null, earned, Auckland));
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.FromHours(1)), ExpiryPolicy.LotExpiresAt(ExpiryKind.EndOfYear, null, earned, Paris));
    }

    [Fact]
    public void Inactivity_has_no_lot_expiry_but_a_membership_deadline()
    {
        var last = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Null(ExpiryPolicy.LotExpiresAt(ExpiryKind.Inactivity, 180, last, Paris));
        Assert.Equal(last.AddDays(180), ExpiryPolicy.InactivityExpiresAt(ExpiryKind.Inactivity, 180, last));
        Assert.Equal(last, ExpiryPolicy.InactiveBefore(180, last.AddDays(180)));
    }

    [Fact]
    public void Inactivity_warning_window_holds_the_last_activities_whose_expiry_is_within_the_warning_days()
    {
        var now = new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);
        var (after, until) = ExpiryPolicy.InactivityWarningWindow(180, now, 30);

        Assert.Equal(now.AddDays(-180), after); // active then: expires now, i.e. already due for expiry, not a warning
        Assert.Equal(now.AddDays(-150), until); // active then: expires in exactly 30 days
        var inWindow = now.AddDays(-160);
        var expiry = ExpiryPolicy.InactivityExpiresAt(ExpiryKind.Inactivity, 180, inWindow)!.Value;
        Assert.True(expiry > now && expiry <= now.AddDays(30));
        Assert.True(inWindow > after && inWindow <= until);
        Assert.Throws<InvalidOperationException>(() => ExpiryPolicy.InactivityWarningWindow(null, now, 30));
    }

    [Fact]
    public void Expired_means_the_instant_has_come()
    {
        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.True(ExpiryPolicy.IsExpired(at, at));
        Assert.False(ExpiryPolicy.IsExpired(at, at.AddTicks(-1)));
        Assert.False(ExpiryPolicy.IsExpired(null, at));
    }
}
