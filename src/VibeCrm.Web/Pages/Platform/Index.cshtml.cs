using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VibeCrm.Web.Features.Tenants;

namespace VibeCrm.Web.Pages.Platform;

public sealed class IndexModel(TenantDirectory tenants) : PageModel
{
    public IReadOnlyList<TenantRow> Tenants { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Tenants = await tenants.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostSuspendAsync(string id, CancellationToken cancellationToken)
    {
        StatusMessage = await tenants.SuspendAsync(id, cancellationToken) ? "Tenant suspended: its pages show a suspension notice and its jobs do not run." : "Error: only an active tenant can be suspended.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostResumeAsync(string id, CancellationToken cancellationToken)
    {
        StatusMessage = await tenants.ResumeAsync(id, cancellationToken) ? "Tenant resumed." : "Error: only a suspended tenant can be resumed.";
        return RedirectToPage();
    }
}
