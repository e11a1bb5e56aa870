using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VibeCrm.Web.Features.Imports;

namespace VibeCrm.Web.Areas.Merchant.Pages.Customers.Import;

/// <summary>Step 2: which field each CSV column goes to (suggested from the header names).</summary>
public sealed class MapModel(ImportService imports) : PageModel
{
    /// <summary>The form value of a column that is not imported.</summary>
    public const string IgnoreValue = "ignore";

    [BindProperty]
    public List<string?> Targets { get; set; } = [];

    public MappingView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await imports.MappingAsync(id, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        View = view;
        Targets = [.. view.Mapping.Targets.Select(t => t == ImportFields.Ignore ? IgnoreValue : t)];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var targets = Targets.Select(t => string.IsNullOrWhiteSpace(t) || t == IgnoreValue ? ImportFields.Ignore : t.Trim()).ToList();
        var result = await imports.SaveMappingAsync(id, targets, cancellationToken);
        if (result.Succeeded)
        {
            return RedirectToPage(ImportLinks.Preview, ImportLinks.Values(HttpContext, id));
        }

        if (await imports.MappingAsync(id, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        ModelState.AddModelError("", result.Error!);
        View = view;
        return Page();
    }
}
