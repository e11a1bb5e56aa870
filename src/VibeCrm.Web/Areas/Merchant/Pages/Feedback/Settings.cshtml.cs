using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VibeCrm.Data.Feedback;
using VibeCrm.Web.Features.Feedback;
using VibeCrm.Web.Infrastructure.Auth;

namespace VibeCrm.Web.Areas.Merchant.Pages.Feedback;

/// <summary>Managers: the auto-publish rule, automatic assignment and the SLA per priority.</summary>
[Authorize(Policy = AuthPolicies.Manager)]
public sealed class SettingsModel(FeedbackSettingsService settings) : PageModel
{
    [BindProperty]
    public FeedbackSettings Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Input = await settings.GetAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var errors = await settings.SaveAsync(Input, ct);
        if (errors.Count > 0)
        {
            foreach (var (field, message) in errors)
            {
                ModelState.AddModelError("Input." + field, message);
            }

            return Page();
        }

        StatusMessage = "Feedback rules saved. New items follow them; existing due times stay as they were.";
        return RedirectToPage();
    }
}
