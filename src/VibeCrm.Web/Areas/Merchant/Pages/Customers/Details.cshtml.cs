using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VibeCrm.Data.Crm;
using VibeCrm.Tenancy;
using VibeCrm.Web.Features;
using VibeCrm.Web.Features.Audit;
using VibeCrm.Web.Features.Customers;
using VibeCrm.Web.Features.Customers.Timeline;
using VibeCrm.Web.Features.Interactions;
using VibeCrm.Web.Features.Staff;

namespace VibeCrm.Web.Areas.Merchant.Pages.Customers;

/// <summary>What the timeline partials need besides the items.</summary>
public sealed record TimelineContext(
    int CustomerId, IReadOnlyDictionary<int, InteractionControls> Controls, IReadOnlyList<StaffOption> Staff, StaffActor Actor, string TimeZoneId, bool ReadOnly);

public sealed record TimelineView(TimelinePage Page, TimelineContext Context);

public sealed record TimelineItemView(TimelineItem Item, TimelineContext Context)
{
    public InteractionControls? Controls => Item.Kind == InteractionTimelineSource.Kind && Item.RecordId is { } id ? Context.Controls.GetValueOrDefault(id) : null;
}

public sealed class DetailsModel(
    CustomerProfileQueries profiles,
    TimelineService timeline,
    InteractionTimelineSource interactionItems,
    InteractionService interactions,
    StaffOptions staffOptions,
    ConsentService consents,
    CustomerPrivacyService privacy,
    AuditQueries audit,
    TimeProvider clock) : PageModel
{
    [BindProperty]
    public InteractionInput Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public int CustomerId { get; private set; }

    public CustomerProfile Profile { get; private set; } = null!;

    public IReadOnlyDictionary<ContactChannel, ConsentState> Consents { get; private set; } = new Dictionary<ContactChannel, ConsentState>();

    public IReadOnlyList<ConsentHistoryRow> ConsentHistory { get; private set; } = [];

    public IReadOnlyList<AuditRow> History { get; private set; } = [];

    public IReadOnlyList<StaffOption> Staff { get; private set; } = [];

    public TimelineView Timeline { get; private set; } = null!;

    public string TimeZoneId => HttpContext.RequireTenant().TimeZoneId;

    public bool IsErased => Profile.Customer.ErasedAt is not null;

    public StaffActor Actor => StaffActor.From(User);

    public async Task<IActionResult> OnGetAsync(int id, int? edit, CancellationToken ct)
    {
        if (await RedirectIfNotLiveAsync(id, ct) is { } notLive)
        {
            return notLive;
        }

        await LoadAsync(id, ct);
        if (edit is { } interactionId && await interactions.ForEditAsync(id, interactionId, Actor, TimeZoneId, ct) is { } input)
        {
            Input = input;
        }

        return Page();
    }

    /// <summary>"Load more": the next page of the timeline, before the given instant (UTC ticks).</summary>
    public async Task<IActionResult> OnGetTimelineAsync(int id, long? before, CancellationToken ct)
    {
        if (await profiles.LookupAsync(id, ct) is not { Exists: true, MergedIntoId: null })
        {
            return NotFound();
        }

        var cursor = before is { } ticks && ticks > 0 && ticks < DateTimeOffset.MaxValue.UtcTicks ? new DateTimeOffset(ticks, TimeSpan.Zero) : (DateTimeOffset?)null;
        Response.Headers.Vary = "HX-Request";
        return Partial("_Timeline", await TimelineViewAsync(id, cursor, erased: false, ct));
    }

    public async Task<IActionResult> OnGetEditFormAsync(int id, int interactionId, CancellationToken ct)
    {
        var input = await interactions.ForEditAsync(id, interactionId, Actor, TimeZoneId, ct);
        if (input is null)
        {
            return NotFound();
        }

        CustomerId = id;
        Input = input;
        Staff = await staffOptions.ActiveAsync(ct);
        return Partial("_InteractionForm", this);
    }

    public async Task<IActionResult> OnPostLogAsync(int id, CancellationToken ct)
    {
        var editing = Input.Id is not null;
        var result = ModelState.IsValid
            ? await interactions.SaveAsync(id, Input, Actor, TimeZoneId, ct)
            : InteractionSaveResult.Fail(nameof(InteractionInput.Subject), "Check the highlighted fields.");
        if (!result.Succeeded)
        {
            foreach (var (field, message) in result.Errors)
            {
                ModelState.AddModelError($"{nameof(Input)}.{field}", message);
            }

            if (Request.IsHtmx())
            {
                CustomerId = id;
                Staff = await staffOptions.ActiveAsync(ct);
                return Partial("_InteractionForm", this);
            }

            if (await RedirectIfNotLiveAsync(id, ct) is { } notLive)
            {
                return notLive;
            }

            await LoadAsync(id, ct);
            return IsErased ? Done(id, CommandResult.Fail(string.Join(" ", result.Errors.Values)), "") : Page(); // an erased page has no form to show errors in
        }

        if (!Request.IsHtmx())
        {
            StatusMessage = editing ? "Interaction saved." : "Interaction logged.";
            return RedirectToPage(new { id });
        }

        // htmx: a fresh form, and the item inserted at the top of the timeline (or replaced, after an edit).
        var context = await ContextAsync(id, [result.Id!.Value], erased: false, ct);
        var item = (await interactionItems.ItemAsync(id, result.Id.Value, ct))!;
        ModelState.Clear();
        CustomerId = id;
        Staff = context.Staff;
        Input = NewInput();
        Response.Htmx(h => h.WithTrigger("toast", new { message = editing ? "Interaction saved." : "Interaction logged.", level = "success" }));
        return Partial("_LogResult", new LogResultView(this, new TimelineItemView(item, context), editing));
    }

    public async Task<IActionResult> OnPostDeleteInteractionAsync(int id, int interactionId, CancellationToken ct)
    {
        var result = await interactions.DeleteAsync(id, interactionId, Actor, ct);
        if (Request.IsHtmx())
        {
            if (!result.Succeeded)
            {
                Response.Htmx(h => h.Reswap("none"));
            }

            Response.Htmx(h => h.WithTrigger("toast", new { message = result.Succeeded ? "Interaction deleted." : result.Error, level = result.Succeeded ? "success" : "danger" }));
            return Content("", "text/html");
        }

        return Done(id, result, "Interaction deleted.");
    }

    public async Task<IActionResult> OnPostTicketAsync(int id, int interactionId, TicketStatus status, Priority priority, string? assigneeUserId, CancellationToken ct)
    {
        var result = await interactions.UpdateTicketAsync(interactionId, status, priority, assigneeUserId, ct);
        if (!Request.IsHtmx())
        {
            return Done(id, result, "Ticket updated.");
        }

        if (!result.Succeeded)
        {
            Response.Htmx(h => h.Reswap("none").WithTrigger("toast", new { message = result.Error, level = "danger" }));
            return Content("", "text/html");
        }

        var context = await ContextAsync(id, [interactionId], erased: false, ct);
        var item = await interactionItems.ItemAsync(id, interactionId, ct);
        Response.Htmx(h => h.WithTrigger("toast", new { message = "Ticket updated.", level = "success" }));
        return item is null ? Content("", "text/html") : Partial("_TimelineItem", new TimelineItemView(item, context));
    }

    public async Task<IActionResult> OnPostFollowUpDoneAsync(int id, int interactionId, CancellationToken ct) =>
        Done(id, await interactions.MarkDoneAsync(interactionId, Actor, ct), "Marked as done.");

    public async Task<IActionResult> OnPostConsentAsync(int id, ContactChannel channel, bool granted, RecordSource source, string? note, CancellationToken ct) =>
        Done(id, await consents.RecordAsync(id, channel, granted, source, note, Actor.UserId, ct), $"{ConsentLabels.Channel(channel)} consent {(granted ? "granted" : "withdrawn")}.");

    public async Task<IActionResult> OnPostEraseAsync(int id, string? confirmName, CancellationToken ct)
    {
        if (!Actor.IsManager)
        {
            return Forbid();
        }

        return Done(id, await privacy.EraseAsync(id, confirmName, ct), "The customer's personal data was erased.");
    }

    public async Task<IActionResult> OnGetExportAsync(int id, CancellationToken ct)
    {
        var json = await privacy.ExportAsync(id, ct);
        return json is null ? NotFound() : File(json, "application/json", $"customer-{id}.json");
    }

    private IActionResult Done(int id, CommandResult result, string success)
    {
        StatusMessage = result.Succeeded ? success : "Error: " + result.Error;
        var url = Url.Page("Details", new { id })!;
        if (Request.IsHtmx())
        {
            Response.Htmx(h => h.Redirect(url));
            return new EmptyResult();
        }

        return Redirect(url);
    }

    /// <summary>404 for an unknown id; a merged id redirects to the record it was merged into.</summary>
    private async Task<IActionResult?> RedirectIfNotLiveAsync(int id, CancellationToken ct)
    {
        var lookup = await profiles.LookupAsync(id, ct);
        if (!lookup.Exists)
        {
            return NotFound();
        }

        return lookup.MergedIntoId is { } survivor ? RedirectToPage(new { id = survivor }) : null;
    }

    private async Task LoadAsync(int id, CancellationToken ct)
    {
        CustomerId = id;
        Profile = (await profiles.GetAsync(id, ct))!;
        Consents = await consents.CurrentAsync(id, ct);
        ConsentHistory = await consents.HistoryAsync(id, ct);
        History = await audit.ForEntityAsync(nameof(Customer), id, ct);
        Timeline = await TimelineViewAsync(id, null, IsErased, ct);
        Staff = Timeline.Context.Staff;
        if (Request.Method == HttpMethods.Get)
        {
            Input = NewInput();
        }
    }

    private async Task<TimelineView> TimelineViewAsync(int id, DateTimeOffset? before, bool erased, CancellationToken ct)
    {
        var page = await timeline.GetPageAsync(id, before, ct);
        var ids = page.Items.Where(i => i.Kind == InteractionTimelineSource.Kind && i.RecordId is not null).Select(i => i.RecordId!.Value).ToList();
        return new TimelineView(page, await ContextAsync(id, ids, erased, ct));
    }

    private async Task<TimelineContext> ContextAsync(int id, IReadOnlyCollection<int> interactionIds, bool erased, CancellationToken ct) =>
        new(id, await interactions.ControlsAsync(interactionIds, ct), await staffOptions.ActiveAsync(ct), Actor, TimeZoneId, erased);

    private InteractionInput NewInput()
    {
        var local = TenantTime.ToLocal(clock.GetUtcNow(), TimeZoneId);
        return new InteractionInput { OccurredAt = local.AddTicks(-(local.Ticks % TimeSpan.TicksPerMinute)) };
    }
}

public sealed record LogResultView(DetailsModel Form, TimelineItemView Item, bool Replaced);
