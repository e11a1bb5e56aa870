using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VibeCrm.Web.Features.Members;
using VibeCrm.Web.Infrastructure.Auth;

namespace VibeCrm.Web.Areas.Portal.Pages.Me;

public sealed class IndexModel(MemberAccounts members) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public string Email { get; private set; } = "";

    public DateTimeOffset MemberSince { get; private set; }

    public sealed class InputModel
    {
        [Required, StringLength(100), Display(Name = "First name")]
        public string FirstName { get; set; } = "";

        [Required, StringLength(100), Display(Name = "Last name")]
        public string LastName { get; set; } = "";

        [Display(Name = "Offers and news by email")]
        public bool MarketingEmailOptIn { get; set; }

        [Display(Name = "Points and rewards updates by email")]
        public bool LoyaltyEmailOptIn { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await members.FindAsync(User.UserId());
        if (user is null)
        {
            return NotFound();
        }

        Email = user.Email ?? "";
        MemberSince = user.CreatedAt;
        Input = new InputModel
        {
            FirstName = user.FirstName,
            LastName = user.LastName,
            MarketingEmailOptIn = user.MarketingEmailOptIn,
            LoyaltyEmailOptIn = user.LoyaltyEmailOptIn,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            var user = await members.FindAsync(User.UserId());
            Email = user?.Email ?? "";
            MemberSince = user?.CreatedAt ?? default;
            return Page();
        }

        var result = await members.UpdatePreferencesAsync(User.UserId(),
            new MemberPreferences(Input.FirstName, Input.LastName, Input.MarketingEmailOptIn, Input.LoyaltyEmailOptIn));
        StatusMessage = result.Succeeded ? "Your preferences are saved." : "Error: " + string.Join(" ", result.Errors.Select(e => e.Description));
        return RedirectToPage();
    }
}
