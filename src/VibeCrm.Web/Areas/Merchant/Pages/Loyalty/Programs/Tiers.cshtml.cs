using Htmx;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VibeCrm.Data.Loyalty;
using VibeCrm.Web.Features.Loyalty;
using VibeCrm.Web.Infrastructure.Auth;

namespace VibeCrm.Web.Areas.Merchant.Pages.Loyalty.Programs;

/// <summary>The tiers of a program: htmx edits re-render the section with errors (200) or a toast; PRG without htmx.</summary>
[Authorize(Policy = AuthPolicies.Manager)]
public sealed class TiersModel(ProgramSettingsService programs, TierSettingsService tiers) : PageModel
{
    [BindProperty]
    public TierForm Tier { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public LoyaltyProgram Program { get; private set; } = null!;

    public IReadOnlyList<TierRow> Tiers { get; private set; } = [];

    public int? EditingId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Tier = NewTier();
        return Page();
    }

    public async Task<IActionResult> OnGetEditTierAsync(int id, int tierId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Tiers.FirstOrDefault(t => t.Id == tierId) is not { } tier)
        {
            return NotFound();
        }

        Tier = TierSettingsService.FormOf(tier);
        EditingId = tierId;
        return Partial("_TierEditor", this);
    }

    public async Task<IActionResult> OnPostSaveTierAsync(int id, int? tierId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var result = ModelState.IsValid ? await tiers.SaveAsync(id, tierId, Tier, ct) : null;
        if (result is { Succeeded: true })
        {
            return await DoneAsync(id, tierId is null ? "Tier added." : "Tier saved.", ct);
        }

        if (result is null)
        {
            ModelState.AddModelError("", "Check the highlighted fields.");
        }
        else
        {
            foreach (var (field, message) in result.Errors)
            {
                ModelState.AddModelError(field.Length == 0 ? "" : $"{nameof(Tier)}.{field}", message);
            }
        }

        EditingId = tierId;
        return Request.IsHtmx() ? Partial("_TiersSection", this) : Page();
    }

    public async Task<IActionResult> OnPostDeleteTierAsync(int id, int tierId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var result = await tiers.DeleteAsync(id, tierId, ct);
        if (result.Succeeded)
        {
            return await DoneAsync(id, "Tier removed.", ct);
        }

        Tier = NewTier();
        ModelState.AddModelError("", result.Error!);
        return Request.IsHtmx() ? Partial("_TiersSection", this) : Page();
    }

    private async Task<IActionResult> DoneAsync(int id, string message, CancellationToken ct)
    {
        if (!Request.IsHtmx())
        {
            StatusMessage = message;
            return RedirectToPage(new { id });
        }

        Tiers = await tiers.ListAsync(id, ct);
        ModelState.Clear();
        Tier = NewTier();
        Response.Htmx(h => h.WithTrigger("toast", new { message, level = "success" }));
        return Partial("_TiersSection", this);
    }

    /// <summary>A blank tier after the highest one.</summary>
    private TierForm NewTier()
    {
        var rank = Tiers.Count == 0 ? 1 : Tiers.Max(t => t.Rank) + 1;
        return new() { Rank = rank, Threshold = Tiers.Count == 0 ? 0 : null, Color = Palette[(rank - 1) % Palette.Length] };
    }

    /// <summary>Default colours of new tiers, by order: bronze, silver, gold, platinum, then the brand colours.</summary>
    private static readonly string[] Palette = ["#a0522d", "#8a9399", "#c9a227", "#4b5d73", "#0d6468", "#6f42c1"];

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await programs.FindAsync(id, ct) is not { } program)
        {
            return false;
        }

        Program = program;
        Tiers = await tiers.ListAsync(id, ct);
        return true;
    }
}
