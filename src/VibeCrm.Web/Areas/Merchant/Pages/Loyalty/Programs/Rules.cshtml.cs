using Htmx;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VibeCrm.Data.Loyalty;
using VibeCrm.Web.Features.Loyalty;
using VibeCrm.Web.Features.Opportunities;
using VibeCrm.Web.Infrastructure.Auth;

namespace VibeCrm.Web.Areas.Merchant.Pages.Loyalty.Programs;

/// <summary>
/// The base rate, rounding and caps of a program, and its multipliers and bonuses. Every change is an htmx post that
/// re-renders its section (with the errors, on 200) and raises a toast; without htmx the page redirects (PRG).
/// </summary>
[Authorize(Policy = AuthPolicies.Manager)]
public sealed class RulesModel(ProgramSettingsService programs, EarnRuleService rules) : PageModel
{
    [BindProperty]
    public EarnSettingsForm Earn { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public EarnRuleForm Rule { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public LoyaltyProgram Program { get; private set; } = null!;

    public IReadOnlyList<EarnRule> Rules { get; private set; } = [];

    /// <summary>The rule being edited in the editor; null = a new rule.</summary>
    public int? EditingId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Earn = ProgramSettingsService.EarnFormOf(Program);
        Rule = new EarnRuleForm { Kind = EarnRuleKind.PromotionMultiplier, Multiplier = 2 };
        return Page();
    }

    /// <summary>htmx: the editor for an existing rule.</summary>
    public async Task<IActionResult> OnGetEditRuleAsync(int id, int ruleId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || await rules.FindAsync(id, ruleId, ct) is not { } rule)
        {
            return NotFound();
        }

        ModelState.Clear();
        Rule = EarnRuleService.FormOf(rule);
        EditingId = ruleId;
        return Partial("_RuleEditor", this);
    }

    /// <summary>htmx: the editor again with the fields of the chosen kind (what was typed is kept).</summary>
    public async Task<IActionResult> OnGetRuleFormAsync(int id, int? ruleId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        ModelState.Clear();
        EditingId = ruleId;
        return Partial("_RuleEditor", this);
    }

    public async Task<IActionResult> OnPostSettingsAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var result = ModelState.IsValid ? await programs.UpdateEarningAsync(id, Earn, ct) : null;
        if (result is { Succeeded: true })
        {
            return Done("Earning settings saved.", "_EarnSettings", id);
        }

        AddErrors(nameof(Earn), result);
        return Partial("_EarnSettings", this);
    }

    public async Task<IActionResult> OnPostSaveRuleAsync(int id, int? ruleId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Earn = ProgramSettingsService.EarnFormOf(Program);
        var result = ModelState.IsValid ? await rules.SaveAsync(id, ruleId, Rule, ct) : null;
        if (result is { Succeeded: true })
        {
            Rules = await rules.ListAsync(id, ct);
            ModelState.Clear();
            Rule = new EarnRuleForm { Kind = Rule.Kind };
            return Done(ruleId is null ? "Rule added." : "Rule saved.", "_RulesSection", id);
        }

        AddErrors(nameof(Rule), result);
        EditingId = ruleId;
        return Request.IsHtmx() ? Partial("_RulesSection", this) : Page();
    }

    public async Task<IActionResult> OnPostDeleteRuleAsync(int id, int ruleId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Earn = ProgramSettingsService.EarnFormOf(Program);
        var result = await rules.DeleteAsync(id, ruleId, ct);
        Rules = await rules.ListAsync(id, ct);
        ModelState.Clear();
        Rule = new EarnRuleForm { Kind = EarnRuleKind.PromotionMultiplier, Multiplier = 2 };
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", result.Error!);
            return Request.IsHtmx() ? Partial("_RulesSection", this) : Page();
        }

        return Done("Rule removed.", "_RulesSection", id);
    }

    private IActionResult Done(string message, string partial, int id)
    {
        if (!Request.IsHtmx())
        {
            StatusMessage = message;
            return RedirectToPage(new { id });
        }

        Response.Htmx(h => h.WithTrigger("toast", new { message, level = "success" }));
        return Partial(partial, this);
    }

    private void AddErrors(string prefix, FormResult? result)
    {
        if (result is null)
        {
            ModelState.AddModelError("", "Check the highlighted fields.");
            return;
        }

        foreach (var (field, message) in result.Errors)
        {
            ModelState.AddModelError(field.Length == 0 ? "" : $"{prefix}.{field}", message);
        }
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await programs.FindAsync(id, ct) is not { } program)
        {
            return false;
        }

        Program = program;
        Rules = await rules.ListAsync(id, ct);
        return true;
    }
}
