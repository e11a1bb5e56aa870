using Microsoft.AspNetCore.Mvc;
using VibeCrm.Web.Features.Customers;
using VibeCrm.Web.Features.Staff;

namespace VibeCrm.Web.Areas.Merchant.Pages.Customers;

public sealed class NewModel(CustomerService customers, StaffOptions staffOptions, CustomFieldService fields) : CustomerFormPage(staffOptions, fields)
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
