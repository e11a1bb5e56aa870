namespace VibeCrm.Web.Features.Customers.Timeline;

/// <summary>A page of the timeline and the cursor of the next one (null when there is no more).</summary>
public sealed record TimelinePage(int CustomerId, IReadOnlyList<TimelineItem> Items, DateTimeOffset? NextBefore);

/// <summary>Merges every registered <see cref="ITimelineSource"/> into one chronological feed, newest first, paged by time.</summary>
public sealed class TimelineService(IEnumerable<ITimelineSource> sources)
{
    public const int PageSize = 20;

    public async Task<TimelinePage> GetPageAsync(int customerId, DateTimeOffset? before, CancellationToken ct, int take = PageSize)
    {
        // Each source returns its newest "take + 1" items before the cursor; the merged newest "take" are exactly
        // the feed's next page, and one more item anywhere tells whether another page exists.
        var all = new List<TimelineItem>();
        foreach (var source in sources)
        {
            all.AddRange(await source.GetAsync(customerId, before, take + 1, ct)); // one DbContext: sources run one after another
        }

        var ordered = all.OrderByDescending(i => i.At).ThenBy(i => i.Kind, StringComparer.Ordinal).ThenByDescending(i => i.RecordId).ToList();
        var page = ordered.Take(take).ToList();
        var hasMore = ordered.Count > take;

        // Items sharing the last timestamp would be cut in two by a time cursor: keep them all on this page.
        if (hasMore && page.Count > 0)
        {
            var last = page[^1].At;
            page.AddRange(ordered.Skip(take).TakeWhile(i => i.At == last));
            hasMore = ordered.Count > page.Count;
        }

        return new TimelinePage(customerId, page, hasMore && page.Count > 0 ? page[^1].At : null);
    }
}
