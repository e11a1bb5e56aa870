using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VibeCrm.Data.Crm;
using VibeCrm.Web.Features.Imports;
using VibeCrm.Web.Infrastructure.Auth;

namespace VibeCrm.Web.Areas.Merchant.Pages.Customers.Import;

/// <summary>
/// Upload of a CSV file, and the import history. The upload may be up to 50 MB: the request and multipart limits are
/// raised for this page only (Razor Pages take these filters on the page model, not on a handler; this page's only
/// POST handler is the upload). A little room is left above the file size for the multipart envelope and form fields.
/// </summary>
[RequestSizeLimit(UploadLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimit)]
public sealed class IndexModel(ImportService imports) : PageModel
{
    public const long UploadLimit = ImportService.MaxFileBytes + (1024 * 1024);

    [BindProperty]
    public UploadInput Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public IReadOnlyList<ImportSummary> History { get; private set; } = [];

    public sealed class UploadInput
    {
        [Display(Name = "What the file contains")]
        public ImportKind Kind { get; set; } = ImportKind.Customers;

        [Required(ErrorMessage = "Choose a CSV file."), Display(Name = "CSV file")]
        public IFormFile? File { get; set; }
    }

    public async Task OnGetAsync(CancellationToken cancellationToken) => History = await imports.HistoryAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && Input.File is { } file)
        {
            if (!Enum.IsDefined(Input.Kind))
            {
                ModelState.AddModelError("Input.Kind", "Choose customers or leads.");
            }
            else
            {
                await using var stream = file.OpenReadStream();
                var (result, id) = await imports.UploadAsync(Input.Kind, file.FileName, stream, User.UserId(), cancellationToken);
                if (result.Succeeded)
                {
                    return RedirectToPage(ImportLinks.Map, ImportLinks.Values(HttpContext, id));
                }

                ModelState.AddModelError("Input.File", result.Error!);
            }
        }

        History = await imports.HistoryAsync(cancellationToken);
        return Page();
    }
}
