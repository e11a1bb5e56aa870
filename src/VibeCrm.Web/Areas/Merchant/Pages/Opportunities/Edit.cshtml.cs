using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VibeCrm.Data.Crm;
using VibeCrm.Tenancy;
using VibeCrm.Web.Features.Audit;
using VibeCrm.Web.Features.Opportunities;
using VibeCrm.Web.Features.Staff;
using VibeCrm.Web.Infrastructure.Auth;

namespace VibeCrm.Web.Areas.Merchant.Pages.Opportunities;

public sealed class EditModel(OpportunityService opportunities, OpportunityQueries queries, PipelineStages stages, StaffOptions staff, Parties parties, AuditQueries audit) : PageModel
{
    [BindProperty]
    public OpportunityForm Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public int? Id { get; private set; }

    public IReadOnlyList<StageRow> Stages { get; private set; } = [];

    public IReadOnlyList<StaffOption> Staff { get; private set; } = [];

    public IReadOnlyList<PartyOption> PartyOptions { get; private set; } = [];

    public IReadOnlyList<StageHistoryRow> History { get; private set; } = [];

    public OpportunityCard? Card { get; private set; }

    public string TimeZoneId => HttpContext.RequireTenant().TimeZoneId;

    public async Task<IActionResult> OnGetAsync(int? id, string? party, int? stageId, CancellationToken cancellationToken)
    {
        if (id is { } existing)
        {
            if (await opportunities.LoadFormAsync(existing, cancellationToken) is not { } form)
            {
                return NotFound();
            }

            Input = form;
        }
        else
        {
            Stages = await stages.ListAsync(false, cancellationToken);
            Input = new OpportunityForm
            {
                Party = PartyRef.Parse(party)?.Key,
                Currency = HttpContext.RequireTenant().Currency,
                OwnerUserId = User.UserId(),
                StageId = stageId ?? Stages.FirstOrDefault(s => s.Kind == StageKind.Open)?.Id ?? 0,
            };
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        var currency = HttpContext.RequireTenant().Currency;
        var result = id is { } existing
            ? await opportunities.UpdateAsync(existing, Input, currency, User.UserId(), cancellationToken)
            : await opportunities.CreateAsync(Input, currency, User.UserId(), cancellationToken);
        if (result.Succeeded)
        {
            StatusMessage = id is null ? "Opportunity created." : "Opportunity saved.";
            return RedirectToPage(new { id = result.Id });
        }

        foreach (var (field, message) in result.Errors)
        {
            ModelState.AddModelError(field.Length == 0 ? "" : $"{nameof(Input)}.{field}", message);
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    /// <summary>htmx: the customers and leads matching what was typed, as the options of the picker.</summary>
    public async Task<IActionResult> OnGetPartiesAsync(string? q, CancellationToken cancellationToken)
    {
        var found = await parties.SearchAsync(q, cancellationToken);
        return Partial("_PartyOptions", new PartyOptionsView(found, found.Count == 1 ? found[0].Key : null));
    }

    /// <summary>The opportunity's audit trail (who changed what and when).</summary>
    public IReadOnlyList<AuditRow> Changes { get; private set; } = [];

    private async Task LoadAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        Stages = await stages.ListAsync(false, cancellationToken);
        Staff = await staff.ActiveAsync(cancellationToken);
        var current = await parties.FindAsync(PartyRef.Parse(Input.Party), cancellationToken);
        PartyOptions = Merge(current, await parties.SearchAsync(null, cancellationToken));
        if (id is { } existing)
        {
            History = await queries.HistoryAsync(existing, cancellationToken);
            Changes = await audit.ForEntityAsync(nameof(Opportunity), existing, cancellationToken);
            Card = await queries.CardAsync(existing, cancellationToken);
        }
    }

    private static IReadOnlyList<PartyOption> Merge(PartyOption? current, IReadOnlyList<PartyOption> found) =>
        current is null ? found : [current, .. found.Where(f => f.Key != current.Key)];
}

public sealed record PartyOptionsView(IReadOnlyList<PartyOption> Options, string? Selected);
