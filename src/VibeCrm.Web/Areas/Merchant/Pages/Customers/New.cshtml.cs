using Microsoft.AspNetCore.Mvc;
using VibeCrm.Web.Features.Customers;

namespace VibeCrm.Web.Areas.Merchant.Pages.Customers;

public sealed class NewModel(CustomerService customers, CustomerQueries queries, CustomFieldService fields) : CustomerFormPage(queries, fields)
{
    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadFormAsync(null, [], cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<DuplicateCandidate> duplicates = [];
        if (ModelState.IsValid)
        {
            var result = await customers.CreateAsync(Input.ToInput(), Input.CreateAnyway, cancellationToken);
            if (result.Succeeded)
            {
                return ToDetails(result.CustomerId!.Value, "Customer created.");
            }

            duplicates = result.Duplicates;
            if (!result.NeedsDuplicateConfirmation)
            {
                AddErrors(result);
            }
        }

        await LoadFormAsync(null, duplicates, cancellationToken);
        return Page();
    }
}
