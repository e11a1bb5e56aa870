using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VibeCrm.Web.Features.PosApi;
using VibeCrm.Web.Infrastructure.Auth;

namespace VibeCrm.Web.Areas.Merchant.Pages.Settings.ApiKeys;

/// <summary>
/// API keys for the till (Manager and Owner, through the /Settings convention). A new key is shown once, in the answer to
/// the post that created it (not through a redirect, so the secret never travels in a cookie or a URL).
/// </summary>
public sealed class IndexModel(ApiKeyService keys) : PageModel
{
    [BindProperty]
    public NewKeyInput NewKey { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public IReadOnlyList<ApiKeyRow> Keys { get; private set; } = [];

    /// <summary>The key just created: shown once.</summary>
    public string? CreatedKey { get; private set; }

    public sealed class NewKeyInput
    {
        [Display(Name = "Name")]
        public string? Name { get; set; }
    }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Keys = await keys.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var created = await keys.CreateAsync(NewKey.Name, User.UserId(), cancellationToken);
        if (created.Result.Succeeded)
        {
            CreatedKey = created.Key;
            NewKey = new NewKeyInput();
            ModelState.Clear();
            Response.Headers.CacheControl = "no-store";
        }
        else
        {
            ModelState.AddModelError("NewKey.Name", created.Result.Error!);
        }

        Keys = await keys.ListAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken cancellationToken)
    {
        var result = await keys.RevokeAsync(id, User.UserId(), cancellationToken);
        StatusMessage = result.Succeeded ? "Key revoked: tills using it are refused from now on." : "Error: " + result.Error;
        return RedirectToPage();
    }
}
