using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VibeCrm.Data.Feedback;
using VibeCrm.Tenancy;
using VibeCrm.Web.Features;
using VibeCrm.Web.Features.Feedback;
using VibeCrm.Web.Features.Interactions;
using VibeCrm.Web.Features.Staff;

namespace VibeCrm.Web.Areas.Merchant.Pages.Feedback;

/// <summary>The status / priority / assignee form of an item, re-rendered by htmx after each change.</summary>
public sealed record WorkflowView(FeedbackItem Item, IReadOnlyList<StaffOption> Staff, string TimeZoneId, DateTimeOffset Now, string? Error = null);

public sealed class ItemModel(FeedbackQueries queries, FeedbackWorkflow workflow, FeedbackReplies replies, StaffOptions staffOptions, TimeProvider clock) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public FeedbackDetail Detail { get; private set; } = null!;

    public WorkflowView Workflow { get; private set; } = null!;

    public string TimeZoneId => HttpContext.RequireTenant().TimeZoneId;

    public string Slug => HttpContext.RequireTenant().Identifier;

    public StaffActor Actor => StaffActor.From(User);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostWorkflowAsync(int id, FeedbackStatus status, FeedbackPriority priority, string? assigneeUserId, CancellationToken ct)
    {
        var result = await workflow.ChangeAsync(id, status, priority, assigneeUserId, Actor, ct);
        if (!Request.IsHtmx())
        {
            return Done(id, result, "Saved.");
        }

        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            Response.Htmx(h => h.WithTrigger("toast", new { message = "Saved.", level = "success" }));
            return Partial("_Workflow", Workflow);
        }

        return Partial("_Workflow", Workflow with { Error = result.Error });
    }

    public async Task<IActionResult> OnPostCorrectAsync(int id, string? label, CancellationToken ct)
    {
        var result = await workflow.CorrectLabelAsync(id, label, Actor, ct);
        if (!Request.IsHtmx())
        {
            return Done(id, result, "Sentiment corrected.");
        }

        var sentiment = await queries.SentimentAsync(id, ct);
        if (sentiment is null)
        {
            return NotFound();
        }

        Response.Htmx(h => h.WithTrigger("toast", result.Succeeded ? new { message = "Sentiment corrected.", level = "success" } : new { message = result.Error!, level = "danger" }));
        return Partial("_Sentiment", new SentimentCell(sentiment, IndexModel.PollUrl(Slug, id, false), false));
    }

    public async Task<IActionResult> OnPostModerateAsync(int id, ModerationState state, CancellationToken ct) =>
        Done(id, await workflow.ModerateAsync(id, state, Actor, ct), state == ModerationState.Published ? "Review published." : "Review hidden.");

    public async Task<IActionResult> OnPostNoteAsync(int id, string? body, CancellationToken ct) =>
        Done(id, await workflow.AddNoteAsync(id, body, Actor, ct), "Note added.");

    public async Task<IActionResult> OnPostPublicReplyAsync(int id, string? body, CancellationToken ct) =>
        Done(id, await replies.PublicReplyAsync(id, body, Actor, ct), "Public reply posted.");

    public async Task<IActionResult> OnPostEmailReplyAsync(int id, string? body, CancellationToken ct) =>
        Done(id, await replies.EmailReplyAsync(id, body, Actor, PortalRoot, ct), "Reply emailed to the customer.");

    public async Task<IActionResult> OnPostResolveAsync(int id, bool sendCsat, CancellationToken ct) =>
        Done(id, await replies.ResolveAsync(id, sendCsat, Actor, PortalRoot, ct), sendCsat ? "Resolved; the satisfaction question is on its way." : "Resolved.");

    private string PortalRoot => $"{Request.Scheme}://{Request.Host}{Request.PathBase}/{Slug}";

    private RedirectToPageResult Done(int id, CommandResult result, string success)
    {
        StatusMessage = result.Succeeded ? success : "Error: " + result.Error;
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var detail = await queries.DetailAsync(id, ct);
        if (detail is null)
        {
            return false;
        }

        Detail = detail;
        Workflow = new WorkflowView(detail.Item, await staffOptions.ActiveAsync(ct), TimeZoneId, clock.GetUtcNow());
        return true;
    }
}
