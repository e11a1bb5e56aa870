using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VibeCrm.Tenancy;
using VibeCrm.Web.Features.Imports;

namespace VibeCrm.Web.Areas.Merchant.Pages.Customers.Import;

/// <summary>What the progress partial shows: the import, its current phase and how many rows are done.</summary>
public sealed record ImportStatusView(ImportSummary Import, string Phase, int Done, string StatusUrl, string? ErrorsUrl);

/// <summary>Step 4: progress (polled every second by htmx until the import is finished), the summary and the error file.</summary>
public sealed class ProgressModel(ImportService imports, ImportProgress progress) : PageModel
{
    public ImportStatusView Status { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        Status = view;
        return Page();
    }

    /// <summary>The progress partial; once the import is finished it comes without the polling trigger, so polling stops.</summary>
    public async Task<IActionResult> OnGetStatusAsync(int id, CancellationToken cancellationToken)
    {
        Response.Headers.Vary = "HX-Request";
        return await LoadAsync(id, cancellationToken) is { } view ? Partial("_ImportStatus", view) : NotFound();
    }

    /// <summary>The error file: row, field, reason and the original values of the row.</summary>
    public async Task<IActionResult> OnGetErrorsAsync(int id, CancellationToken cancellationToken) =>
        await imports.OpenErrorFileAsync(id, cancellationToken) is { } file
            ? File(file.Content, "text/csv; charset=utf-8", file.FileName)
            : NotFound();

    private async Task<ImportStatusView?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await imports.FindAsync(id, cancellationToken) is not { } import)
        {
            return null;
        }

        var live = import.IsFinished ? null : progress.Get(HttpContext.RequireTenant().Id, id);
        var phase = import.IsFinished ? import.Status.ToString() : live?.Phase ?? (import.Status == Data.Crm.ImportStatus.Queued ? "Waiting to start" : ImportJobRunner.WritingPhase);
        var done = import.IsFinished ? import.ProcessedRows : Math.Max(import.ProcessedRows, live?.Done ?? 0);
        return new ImportStatusView(
            import,
            phase,
            done,
            Url.Page(ImportLinks.Progress, "Status", ImportLinks.Values(HttpContext, id))!,
            import.HasErrorFile ? Url.Page(ImportLinks.Progress, "Errors", ImportLinks.Values(HttpContext, id)) : null);
    }
}
