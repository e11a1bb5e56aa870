using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VibeCrm.Data.Loyalty;
using VibeCrm.Web.Features.Loyalty;
using VibeCrm.Web.Infrastructure.Auth;

namespace VibeCrm.Web.Areas.Merchant.Pages.Loyalty.Programs;

[Authorize(Policy = AuthPolicies.Manager)]
public sealed class RewardsModel(ProgramSettingsService programs, RewardCatalogService rewards) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public LoyaltyProgram Program { get; private set; } = null!;

    public IReadOnlyList<RewardListRow> Rewards { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await programs.FindAsync(id, ct) is not { } program)
        {
            return NotFound();
        }

        Program = program;
        Rewards = await rewards.ListAsync(id, ct);
        return Page();
    }
}
