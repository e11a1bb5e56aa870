using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VibeCrm.Tenancy;
using VibeCrm.Web.Features.Leads;

namespace VibeCrm.Web.Areas.Merchant.Pages.Leads;

public sealed class ConvertModel(LeadService leads, LeadQueries queries) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public LeadRow Lead { get; private set; } = null!;

    public IReadOnlyList<DuplicateMatch> Matches { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    /// <summary><paramref name="target"/> is "new" or the id of the existing customer to link to.</summary>
    public async Task<IActionResult> OnPostAsync(int id, string? target, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        int? linkTo = null;
        if (target != "new")
        {
            if (!int.TryParse(target, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var customerId))
            {
                Error = Matches.Count > 0
                    ? "Choose whether to link the lead to an existing customer or to create a new one."
                    : "Confirm the creation of the customer.";
                return Page();
            }

            linkTo = customerId;
        }

        var result = await leads.ConvertAsync(id, linkTo, cancellationToken);
        if (!result.Result.Succeeded)
        {
            Error = result.Result.Error;
            return Page();
        }

        StatusMessage = "Lead converted to a customer.";
        return Redirect($"/{HttpContext.RequireTenant().Identifier}/admin/customers/details/{result.CustomerId}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await queries.FindAsync(id, cancellationToken) is not { } lead)
        {
            return false;
        }

        Lead = lead;
        Matches = await leads.MatchingCustomersAsync(id, cancellationToken);
        return true;
    }
}
