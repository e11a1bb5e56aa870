using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VibeCrm.Data.Loyalty;
using VibeCrm.Web.Features.Loyalty;
using VibeCrm.Web.Infrastructure.Auth;

namespace VibeCrm.Web.Areas.Merchant.Pages.Loyalty.Programs;

/// <summary>Create or edit a reward: a multipart form (picture and code file), PRG on success.</summary>
[Authorize(Policy = AuthPolicies.Manager)]
[RequestSizeLimit(4 * 1024 * 1024)]
public sealed class RewardModel(ProgramSettingsService programs, RewardCatalogService rewards, TierSettingsService tiers) : PageModel
{
    [BindProperty]
    public RewardForm Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public LoyaltyProgram Program { get; private set; } = null!;

    public Reward? Reward { get; private set; }

    public RewardListRow? Figures { get; private set; }

    public IReadOnlyList<TierRow> Tiers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, int? rewardId, CancellationToken ct)
    {
        if (!await LoadAsync(id, rewardId, ct))
        {
            return NotFound();
        }

        Input = Reward is null ? new RewardForm { CostPoints = 100 } : RewardCatalogService.FormOf(Reward, Program.TimeZoneId);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int? rewardId, IFormFile? image, IFormFile? poolFile, CancellationToken ct)
    {
        if (!await LoadAsync(id, rewardId, ct))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            ModelState.AddModelError("", "Check the highlighted fields.");
            return Page();
        }

        var result = await rewards.SaveAsync(id, rewardId, Input, image, poolFile, ct);
        if (result.Succeeded)
        {
            StatusMessage = rewardId is null ? "Reward created." : "Reward saved.";
            return RedirectToPage(new { id, rewardId = result.Id });
        }

        foreach (var (field, message) in result.Errors)
        {
            ModelState.AddModelError(field.Length == 0 ? "" : field == "Image" ? "image" : $"{nameof(Input)}.{field}", message);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostClearCodesAsync(int id, int rewardId, CancellationToken ct)
    {
        if (!await LoadAsync(id, rewardId, ct) || Reward is null)
        {
            return NotFound();
        }

        var removed = await rewards.ClearUnusedCodesAsync(id, rewardId, ct);
        StatusMessage = $"{removed} unused codes removed from the pool.";
        return RedirectToPage(new { id, rewardId });
    }

    private async Task<bool> LoadAsync(int id, int? rewardId, CancellationToken ct)
    {
        if (await programs.FindAsync(id, ct) is not { } program)
        {
            return false;
        }

        Program = program;
        Tiers = await tiers.ListAsync(id, ct);
        if (rewardId is { } existing)
        {
            Reward = await rewards.FindAsync(id, existing, ct);
            if (Reward is null)
            {
                return false;
            }

            Figures = (await rewards.ListAsync(id, ct)).FirstOrDefault(r => r.Id == existing);
        }

        return true;
    }
}
