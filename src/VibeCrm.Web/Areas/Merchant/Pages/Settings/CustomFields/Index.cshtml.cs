using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VibeCrm.Data.Crm;
using VibeCrm.Web.Features;
using VibeCrm.Web.Features.Customers;

namespace VibeCrm.Web.Areas.Merchant.Pages.Settings.CustomFields;

/// <summary>Custom profile fields (Manager and Owner, through the /Settings convention).</summary>
public sealed class IndexModel(CustomFieldService fields) : PageModel
{
    [BindProperty]
    public NewFieldInput NewField { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public IReadOnlyList<CustomFieldRow> Fields { get; private set; } = [];

    public sealed class NewFieldInput
    {
        [Display(Name = "Label")]
        public string? Label { get; set; }

        [Display(Name = "Type")]
        public CustomFieldType Type { get; set; } = CustomFieldType.Text;

        [Display(Name = "Choices (one per line)")]
        public string? Choices { get; set; }

        [Display(Name = "Required on the customer form")]
        public bool IsRequired { get; set; }
    }

    public static string TypeName(CustomFieldType type) => type switch
    {
        CustomFieldType.YesNo => "Yes / no",
        _ => type.ToString(),
    };

    public async Task OnGetAsync(CancellationToken cancellationToken) => Fields = await fields.ListAsync(includeArchived: true, cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        var (result, key) = await fields.AddAsync(NewField.Label, NewField.Type, NewField.Choices, NewField.IsRequired, cancellationToken);
        if (result.Succeeded)
        {
            StatusMessage = $"Field “{NewField.Label!.Trim()}” added (key {key}).";
            return RedirectToPage();
        }

        ModelState.AddModelError("NewField.Label", result.Error!);
        Fields = await fields.ListAsync(includeArchived: true, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostUpdateAsync(int id, string? label, string? choices, bool isRequired, CancellationToken cancellationToken) =>
        Done(await fields.UpdateAsync(id, label, choices, isRequired, cancellationToken), "Field saved.");

    public async Task<IActionResult> OnPostMoveAsync(int id, int direction, CancellationToken cancellationToken) =>
        Done(await fields.MoveAsync(id, direction, cancellationToken), "Order saved.");

    public async Task<IActionResult> OnPostArchiveAsync(int id, CancellationToken cancellationToken) =>
        Done(await fields.SetArchivedAsync(id, true, cancellationToken), "Field archived. Its values are kept and come back if you restore it.");

    public async Task<IActionResult> OnPostRestoreAsync(int id, CancellationToken cancellationToken) =>
        Done(await fields.SetArchivedAsync(id, false, cancellationToken), "Field restored.");

    private RedirectToPageResult Done(CommandResult result, string success)
    {
        StatusMessage = result.Succeeded ? success : "Error: " + result.Error;
        return RedirectToPage();
    }
}
