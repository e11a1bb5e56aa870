using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VibeCrm.Web.Features.Loyalty;
using VibeCrm.Web.Infrastructure.Auth;

namespace VibeCrm.Web.Areas.Merchant.Pages.Loyalty.Programs;

[Authorize(Policy = AuthPolicies.Manager)]
public sealed class IndexModel(ProgramSettingsService programs) : PageModel
{
    public IReadOnlyList<ProgramRow> Programs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Programs = await programs.ListAsync(ct);
}
