using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VibeCrm.Web.Features.Imports;

namespace VibeCrm.Web.Areas.Merchant.Pages.Customers.Import;

/// <summary>Step 3: the first rows as they would be imported, counts over the whole file, and the start button.</summary>
public sealed class PreviewModel(ImportService imports) : PageModel
{
    [BindProperty]
    public bool ImportValidRowsOnly { get; set; }

    public ImportPreview Preview { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await imports.FindAsync(id, cancellationToken) is { Status: not (Data.Crm.ImportStatus.Uploaded or Data.Crm.ImportStatus.Mapped) })
        {
            return RedirectToPage(ImportLinks.Progress, ImportLinks.Values(HttpContext, id));
        }

        if (await imports.PreviewAsync(id, cancellationToken) is not { } preview)
        {
            return RedirectToPage(ImportLinks.Map, ImportLinks.Values(HttpContext, id));
        }

        Preview = preview;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var result = await imports.StartAsync(id, ImportValidRowsOnly, cancellationToken);
        if (result.Succeeded)
        {
            return RedirectToPage(ImportLinks.Progress, ImportLinks.Values(HttpContext, id));
        }

        if (await imports.PreviewAsync(id, cancellationToken) is not { } preview)
        {
            return NotFound();
        }

        ModelState.AddModelError("", result.Error!);
        Preview = preview;
        return Page();
    }
}
