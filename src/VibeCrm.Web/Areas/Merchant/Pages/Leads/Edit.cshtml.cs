using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VibeCrm.Data.Crm;
using VibeCrm.Tenancy;
using VibeCrm.Web.Features.Audit;
using VibeCrm.Web.Features.Customers;
using VibeCrm.Web.Features.Interactions;
using VibeCrm.Web.Features.Leads;
using VibeCrm.Web.Features.Opportunities;
using VibeCrm.Web.Features.Staff;
using VibeCrm.Web.Infrastructure.Auth;

namespace VibeCrm.Web.Areas.Merchant.Pages.Leads;

public sealed class EditModel(LeadService leads, LeadQueries queries, InteractionService interactions, StaffOptions staff, AuditQueries audit, TimeProvider clock) : PageModel
{
    public const int InteractionLimit = 50;

    [BindProperty]
    public LeadForm Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public int? Id { get; private set; }

    public LeadRow? Lead { get; private set; }

    public IReadOnlyList<StaffOption> Staff { get; private set; } = [];

    public IReadOnlyList<DuplicateMatch> Duplicates { get; private set; } = [];

    /// <summary>The "log an interaction" form of the lead (a separate prefix from the lead's own form).</summary>
    public InteractionInput Interaction { get; private set; } = new();

    public IReadOnlyList<LeadInteractionRow> Interactions { get; private set; } = [];

    public string TimeZoneId => HttpContext.RequireTenant().TimeZoneId;

    public StaffActor Actor => StaffActor.From(User);

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is { } existing)
        {
            if (await leads.LoadFormAsync(existing, cancellationToken) is not { } form)
            {
                return NotFound();
            }

            Input = form;
        }
        else
        {
            Input = new LeadForm { OwnerUserId = User.UserId() };
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        var region = ContactRules.RegionFromTimeZone(HttpContext.RequireTenant().TimeZoneId);
        var result = await leads.SaveAsync(id, Input, region, cancellationToken);
        if (result.Succeeded)
        {
            StatusMessage = id is null ? "Lead created." : "Lead saved.";
            return RedirectToPage(new { id = result.Id });
        }

        foreach (var (field, message) in result.Errors)
        {
            ModelState.AddModelError(field.Length == 0 ? "" : $"{nameof(Input)}.{field}", message);
        }

        Duplicates = result.Duplicates;
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostStatusAsync(int id, LeadStatus status, CancellationToken cancellationToken)
    {
        var result = await leads.SetStatusAsync(id, status, cancellationToken);
        StatusMessage = result.Succeeded ? $"Status set to {status}." : "Error: " + result.Error;
        return RedirectToPage(new { id });
    }

    /// <summary>Logs a call, email, meeting, SMS or note with the lead; its score is recomputed.</summary>
    public async Task<IActionResult> OnPostInteractionAsync(int id, [Bind(Prefix = nameof(Interaction))] InteractionInput interaction, CancellationToken cancellationToken)
    {
        var result = await interactions.LogForLeadAsync(id, interaction, Actor, TimeZoneId, cancellationToken);
        if (result.Succeeded)
        {
            StatusMessage = "Interaction logged.";
            return RedirectToPage(new { id });
        }

        if (await leads.LoadFormAsync(id, cancellationToken) is not { } form)
        {
            return NotFound();
        }

        ModelState.Clear();
        foreach (var (field, message) in result.Errors)
        {
            ModelState.AddModelError($"{nameof(Interaction)}.{field}", message);
        }

        Input = form;
        await LoadAsync(id, cancellationToken);
        Interaction = interaction;
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteInteractionAsync(int id, int interactionId, CancellationToken cancellationToken)
    {
        var result = await interactions.DeleteForLeadAsync(id, interactionId, Actor, cancellationToken);
        StatusMessage = result.Succeeded ? "Interaction deleted." : "Error: " + result.Error;
        return RedirectToPage(new { id });
    }

    /// <summary>The lead's audit trail (who changed what and when).</summary>
    public IReadOnlyList<AuditRow> Changes { get; private set; } = [];

    private async Task LoadAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        Staff = await staff.ActiveAsync(cancellationToken);
        if (id is { } existing)
        {
            Lead = await queries.FindAsync(existing, cancellationToken);
            Interactions = await queries.InteractionsAsync(existing, InteractionLimit, cancellationToken);
            Changes = await audit.ForEntityAsync(nameof(global::VibeCrm.Data.Crm.Lead), existing, cancellationToken);
            var local = TenantTime.ToLocal(clock.GetUtcNow(), TimeZoneId);
            Interaction = new InteractionInput { OccurredAt = local.AddTicks(-(local.Ticks % TimeSpan.TicksPerMinute)) };
        }
    }
}
