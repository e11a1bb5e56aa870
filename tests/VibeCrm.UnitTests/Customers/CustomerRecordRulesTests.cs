using VibeCrm.Web.Features.Audit;
using VibeCrm.Web.Features.Customers.Timeline;
using VibeCrm.Web.Features.Interactions;

namespace VibeCrm.UnitTests.Customers;

public sealed class CustomerRecordRulesTests
{
    [Fact]
    public void Audit_changes_are_read_as_old_and_new_values()
    {
        var changes = AuditFormatter.Parse("""{"Email":["a@x.test","b@x.test"],"City":[null,"Lyon"]}""");
        Assert.Equal([new AuditChange("Email", "a@x.test", "b@x.test", true), new AuditChange("City", null, "Lyon", true)], changes);
        Assert.Equal("Email, City", AuditFormatter.ChangedFields("""{"Email":["a","b"],"City":[null,"Lyon"]}"""));
    }

    [Fact]
    public void Audit_details_of_domain_actions_and_bad_json_are_shown_as_text()
    {
        Assert.Equal([new AuditChange("mergedInto", null, "12", false)], AuditFormatter.Parse("""{"mergedInto":12}"""));
        Assert.Equal([new AuditChange("Details", null, "not json", false)], AuditFormatter.Parse("not json"));
        Assert.Empty(AuditFormatter.Parse(null));
        Assert.Null(AuditFormatter.ChangedFields(""));
    }

    [Theory]
    [InlineData("2026-01-15T10:00", "2026-01-15T09:00:00Z")] // winter, UTC+1
    [InlineData("2026-07-15T10:00", "2026-07-15T08:00:00Z")] // summer, UTC+2
    [InlineData("2026-03-29T02:30", "2026-03-29T01:30:00Z")] // skipped by the DST change: read as 03:30
    public void Tenant_wall_clock_times_convert_to_utc(string local, string utc)
    {
        var result = TenantTime.ToUtc(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture), "Europe/Paris");
        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), result);
        Assert.Equal(TimeSpan.Zero, result.Offset);
    }

    [Fact]
    public void Today_is_the_tenants_date_not_the_servers()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 3, 10, 23, 30, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2026, 3, 11), TenantTime.Today(clock, "Europe/Paris"));
        Assert.Equal(new DateOnly(2026, 3, 10), TenantTime.Today(clock, "America/New_York"));
        Assert.Equal(new DateOnly(2026, 3, 10), TenantTime.Today(clock, "No/Such_Zone")); // unknown zone: UTC
    }

    [Fact]
    public async Task The_timeline_merges_sources_and_keeps_items_of_the_same_instant_together()
    {
        var t0 = new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
        var a = new ListSource([.. Enumerable.Range(0, 3).Select(i => Item("a", t0.AddMinutes(-i), i))]);
        var b = new ListSource([Item("b", t0.AddMinutes(-1), 10), Item("b", t0.AddMinutes(-5), 11)]);
        var service = new TimelineService([a, b]);

        var first = await service.GetPageAsync(1, null, CancellationToken.None, take: 2);
        Assert.Equal([t0, t0.AddMinutes(-1), t0.AddMinutes(-1)], first.Items.Select(i => i.At)); // the tie at -1 min is not split
        Assert.Equal(t0.AddMinutes(-1), first.NextBefore);

        var second = await service.GetPageAsync(1, first.NextBefore, CancellationToken.None, take: 2);
        Assert.Equal([t0.AddMinutes(-2), t0.AddMinutes(-5)], second.Items.Select(i => i.At));
        Assert.Null(second.NextBefore);
    }

    private static TimelineItem Item(string kind, DateTimeOffset at, int id) => new(at, kind, "•", $"{kind}{id}", null) { RecordId = id };

    private sealed class ListSource(IReadOnlyList<TimelineItem> items) : ITimelineSource
    {
        public Task<IReadOnlyList<TimelineItem>> GetAsync(int customerId, DateTimeOffset? before, int take, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<TimelineItem>>([.. items.Where(i => before is null || i.At < before).OrderByDescending(i => i.At).Take(take)]);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
