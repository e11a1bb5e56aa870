using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VibeCrm.Data.Loyalty;
using VibeCrm.Tenancy;
using VibeCrm.Web.Features.Loyalty;
using VibeCrm.Web.Infrastructure.Auth;

namespace VibeCrm.Web.Areas.Merchant.Pages.Loyalty.Programs;

[Authorize(Policy = AuthPolicies.Manager)]
public sealed class EditModel(ProgramSettingsService programs) : PageModel
{
    [BindProperty]
    public ProgramForm Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public LoyaltyProgram? Program { get; private set; }

    public static IReadOnlyList<string> TimeZones { get; } = [.. TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Order(StringComparer.Ordinal)];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is { } existing)
        {
            Program = await programs.FindAsync(existing, ct);
            if (Program is null)
            {
                return NotFound();
            }

            Input = ProgramSettingsService.FormOf(Program);
        }
        else
        {
            var tenant = HttpContext.RequireTenant();
            Input = new ProgramForm { Currency = tenant.Currency, TimeZoneId = tenant.TimeZoneId, Status = ProgramStatus.Active };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        if (id is { } existing && (Program = await programs.FindAsync(existing, ct)) is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = id is { } programId ? await programs.UpdateAsync(programId, Input, ct) : await programs.CreateAsync(Input, ct);
        if (result.Succeeded)
        {
            StatusMessage = id is null ? "Program created. Add its earn rules, tiers and rewards." : "Program saved.";
            return RedirectToPage(new { id = result.Id });
        }

        foreach (var (field, message) in result.Errors)
        {
            ModelState.AddModelError(field.Length == 0 ? "" : $"{nameof(Input)}.{field}", message);
        }

        return Page();
    }
}
