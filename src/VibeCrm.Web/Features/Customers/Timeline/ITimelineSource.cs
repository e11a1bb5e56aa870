namespace VibeCrm.Web.Features.Customers.Timeline;

/// <summary>
/// One event in a customer's timeline. <see cref="Kind"/> says which source produced it (e.g. "interaction",
/// "consent", "opportunity", "audit"); <see cref="RecordId"/> is the id of the underlying row when the page
/// offers actions on it (edit an interaction, change a ticket).
/// </summary>
public sealed record TimelineItem(
    DateTimeOffset At,
    string Kind,
    string Icon,
    string Title,
    string? Detail,
    string? Link = null,
    string? Actor = null)
{
    public int? RecordId { get; init; }

    /// <summary>Stable DOM id of the item, so htmx can replace or remove it.</summary>
    public string DomId => RecordId is { } id ? $"{Kind}-{id}" : $"{Kind}-{At.UtcTicks}";
}

/// <summary>
/// Something that contributes events to the customer timeline. Register each source in DI
/// (<c>services.AddScoped&lt;ITimelineSource, InteractionTimelineSource&gt;()</c>); <see cref="TimelineService"/>
/// merges all registered sources into one feed, newest first.
/// <para>
/// Purchases, loyalty points, feedback and campaign events are added by their own modules later, each as a new
/// <see cref="ITimelineSource"/> class registered in that module's feature file: nothing here has to change.
/// </para>
/// <para>
/// Contract: return at most <paramref name="take"/> items of <paramref name="customerId"/> that happened strictly
/// before <paramref name="before"/> (all items when null), newest first, filtered and limited in the database.
/// </para>
/// </summary>
public interface ITimelineSource
{
    Task<IReadOnlyList<TimelineItem>> GetAsync(int customerId, DateTimeOffset? before, int take, CancellationToken ct);
}
