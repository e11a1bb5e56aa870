using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using VibeCrm.Data.Identity;
using VibeCrm.Tenancy;
using VibeCrm.Web.Features.Tenants;
using VibeCrm.Web.Infrastructure.Auth;
using VibeCrm.Web.Infrastructure.Security;

namespace VibeCrm.Web.Pages;

[EnableRateLimiting(RateLimits.SignUp)]
public sealed class SignupModel(TenantProvisioner provisioner, ITenantContextAccessor accessor) : PageModel
{
    public static readonly IReadOnlyList<string> Currencies = ["EUR", "USD", "GBP", "CHF", "CAD", "AUD", "SEK", "NOK", "DKK", "PLN", "JPY"];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<string> TimeZones { get; } =
        [.. TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => id.Contains('/', StringComparison.Ordinal) || id == "UTC").Order(StringComparer.Ordinal)];

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Tell us the name of your business."), StringLength(120), Display(Name = "Business name")]
        public string BusinessName { get; set; } = "";

        [Required(ErrorMessage = "Choose a URL name."), StringLength(40), Display(Name = "URL name")]
        public string Slug { get; set; } = "";

        [Required, StringLength(100), Display(Name = "Your first name")]
        public string FirstName { get; set; } = "";

        [Required, StringLength(100), Display(Name = "Your last name")]
        public string LastName { get; set; } = "";

        [Required, EmailAddress, StringLength(256), Display(Name = "Your email")]
        public string Email { get; set; } = "";

        [Required, DataType(DataType.Password), StringLength(100, MinimumLength = 10, ErrorMessage = "Use at least 10 characters."), Display(Name = "Password")]
        public string Password { get; set; } = "";

        [Required, Display(Name = "Time zone")]
        public string TimeZone { get; set; } = "Europe/Paris";

        [Required, Display(Name = "Currency")]
        public string Currency { get; set; } = "EUR";
    }

    public void OnGet()
    {
    }

    /// <summary>htmx: checks the URL name as it is typed.</summary>
    public IActionResult OnGetCheckSlug([FromQuery(Name = "Input.Slug")] string? slug) =>
        Content(SlugRules.Validate(slug?.Trim().ToLowerInvariant()) is { } error ? error : $"vibecrm/{slug?.Trim().ToLowerInvariant()} looks good.", "text/plain");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Currencies.Contains(Input.Currency))
        {
            ModelState.AddModelError("Input.Currency", "Choose a currency from the list.");
        }

        if (SlugRules.Validate(Input.Slug?.Trim().ToLowerInvariant()) is { } slugError)
        {
            ModelState.AddModelError("Input.Slug", slugError);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await provisioner.ProvisionAsync(
            new NewTenant(Input.BusinessName, Input.Slug ?? "", Input.Email, Input.Password, Input.FirstName, Input.LastName, Input.TimeZone, Input.Currency),
            cancellationToken);
        if (!result.Succeeded)
        {
            foreach (var (field, message) in result.Errors)
            {
                ModelState.AddModelError(FieldFor(field), message);
            }

            return Page();
        }

        // Sign the owner in at their new tenant, then land in the back office.
        var tenant = result.Tenant!;
        HttpContext.Features.Set(new TenantFeature(tenant));
        using (accessor.BeginScope(tenant))
        {
            // Nothing of the tenant was resolved in this request yet, so the request's services bind to the new tenant.
            var users = HttpContext.RequestServices.GetRequiredService<UserManager<AppUser>>();
            var owner = await users.FindByIdAsync(result.OwnerId!);
            await HttpContext.RequestServices.GetRequiredService<SignInService>().SignInAsync(owner!, remember: false);
        }

        return Redirect($"/{tenant.Identifier}/admin");
    }

    private static string FieldFor(string field) => field switch
    {
        nameof(NewTenant.Identifier) => "Input.Slug",
        nameof(NewTenant.OwnerEmail) => "Input.Email",
        nameof(NewTenant.OwnerPassword) => "Input.Password",
        nameof(NewTenant.TimeZoneId) => "Input.TimeZone",
        _ => "",
    };
}
