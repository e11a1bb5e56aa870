using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VibeCrm.Web.Features;
using VibeCrm.Web.Features.Opportunities;

namespace VibeCrm.Web.Areas.Merchant.Pages.Settings.Pipeline;

public sealed class IndexModel(PipelineStages stages) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public IReadOnlyList<StageRow> Stages { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Stages = await stages.ListAsync(includeArchived: true, cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(string? name, int probability, CancellationToken cancellationToken) =>
        Done(await stages.AddAsync(name, probability, cancellationToken), "Stage added.");

    public async Task<IActionResult> OnPostUpdateAsync(int id, string? name, int probability, CancellationToken cancellationToken) =>
        Done(await stages.UpdateAsync(id, name, probability, cancellationToken), "Stage saved.");

    public async Task<IActionResult> OnPostMoveAsync(int id, int direction, CancellationToken cancellationToken) =>
        Done(await stages.MoveAsync(id, direction, cancellationToken), "Order saved.");

    public async Task<IActionResult> OnPostArchiveAsync(int id, CancellationToken cancellationToken) =>
        Done(await stages.ArchiveAsync(id, cancellationToken), "Stage archived.");

    private RedirectToPageResult Done(CommandResult result, string success)
    {
        StatusMessage = result.Succeeded ? success : "Error: " + result.Error;
        return RedirectToPage();
    }
}
