using Microsoft.AspNetCore.Mvc;
using VibeCrm.Web.Features.Customers;
using VibeCrm.Web.Features.Staff;

namespace VibeCrm.Web.Areas.Merchant.Pages.Customers;

public sealed class EditModel(CustomerService customers, StaffOptions staffOptions, CustomFieldService fields) : CustomerFormPage(staffOptions, fields)
{
    public string DisplayName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var customer = await customers.LoadForEditAsync(id, cancellationToken);
        if (customer is null)
        {
            return NotFound();
        }

        if (customer.Locked is { } why)
        {
            return ToDetails(id, "Error: " + why);
        }

        Input = CustomerFormInput.From(customer);
        DisplayName = customer.DisplayName;
        await LoadFormAsync(id, [], cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var current = await customers.LoadForEditAsync(id, cancellationToken);
        if (current is null)
        {
            return NotFound();
        }

        if (current.Locked is { } why)
        {
            return ToDetails(id, "Error: " + why); // nothing is saved: the service refuses it too
        }

        DisplayName = current.DisplayName;
        if (ModelState.IsValid)
        {
            var result = await customers.UpdateAsync(id, Input.ToInput(), Input.ConcurrencyStamp ?? "", cancellationToken);
            if (result.Succeeded)
            {
                return ToDetails(id, "Changes saved.");
            }

            AddErrors(result);
        }

        await LoadFormAsync(id, [], cancellationToken);
        return Page();
    }
}
