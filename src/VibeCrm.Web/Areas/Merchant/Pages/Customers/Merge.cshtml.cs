using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VibeCrm.Tenancy;
using VibeCrm.Web.Features.Customers;

namespace VibeCrm.Web.Areas.Merchant.Pages.Customers;

/// <summary>Merge a duplicate into the record to keep: pick the other record, then choose each differing field.</summary>
public sealed class MergeModel(CustomerMergeService merges) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public int Keep { get; private set; }

    public string? Query { get; private set; }

    public IReadOnlyList<MergeCandidate> Candidates { get; private set; } = [];

    public MergePreview? Preview { get; private set; }

    public string? Error { get; private set; }

    public string DetailsUrl(int id) => $"{Request.PathBase}/{HttpContext.RequireTenant().Identifier}/admin/customers/details/{id}";

    public async Task<IActionResult> OnGetAsync(int keep, int? other, string? q, CancellationToken ct)
    {
        Keep = keep;
        Query = q;
        if (other is null)
        {
            Candidates = await merges.SearchAsync(keep, q, ct);
            return Page();
        }

        (Preview, Error) = await merges.PreviewAsync(keep, other.Value, ct);
        return Page();
    }

    /// <summary>Fields posted as <c>choice[Key] = keep|other</c>.</summary>
    public async Task<IActionResult> OnPostAsync(int keep, int other, [FromForm] Dictionary<string, string>? choice, CancellationToken ct)
    {
        var takeFromOther = (choice ?? []).Where(p => p.Value == "other").Select(p => p.Key).ToList();
        var result = await merges.MergeAsync(keep, other, takeFromOther, ct);
        if (!result.Succeeded)
        {
            Keep = keep;
            Error = result.Error;
            (Preview, _) = await merges.PreviewAsync(keep, other, ct);
            return Page();
        }

        StatusMessage = $"Customer #{other} was merged into this record.";
        return Redirect(DetailsUrl(keep));
    }
}
