using StaffOption = VibeCrm.Web.Features.Staff.StaffOption;
using VibeCrm.Web.Features.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VibeCrm.Data.Crm;
using VibeCrm.Tenancy;
using VibeCrm.Web.Features.Customers;
using VibeCrm.Web.Features.Leads;
using VibeCrm.Web.Features.Opportunities;
using VibeCrm.Web.Infrastructure.Auth;

namespace VibeCrm.Web.Areas.Merchant.Pages.Leads;

public sealed class EditModel(LeadService leads, LeadQueries queries, StaffOptions staff) : PageModel
{
    [BindProperty]
    public LeadForm Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public int? Id { get; private set; }

    public LeadRow? Lead { get; private set; }

    public IReadOnlyList<StaffOption> Staff { get; private set; } = [];

    public IReadOnlyList<DuplicateMatch> Duplicates { get; private set; } = [];

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

    private async Task LoadAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        Staff = await staff.ActiveAsync(cancellationToken);
        if (id is { } existing)
        {
            Lead = await queries.FindAsync(existing, cancellationToken);
        }
    }
}
