using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VibeCrm.Web.Features.Feedback;
using VibeCrm.Web.Infrastructure.Web;

namespace VibeCrm.Web.Areas.Portal.Pages.Feedback;

/// <summary>The one-question satisfaction follow-up after resolution: 1–5, answered once, no sign-in.</summary>
public sealed class CsatModel(FeedbackReplies replies) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "t")]
    public string? Token { get; set; }

    [BindProperty]
    public int? Rating { get; set; }

    public LinkState Link { get; private set; } = new(SignedLinkStatus.Invalid, false);

    public bool Thanks { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        Link = await replies.CsatStateAsync(Token, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        Link = await replies.CsatStateAsync(Token, ct);
        if (!Link.Usable)
        {
            return Page();
        }

        var result = await replies.AnswerCsatAsync(Token, Rating, ct);
        if (!result.Succeeded)
        {
            Error = result.Error;
            Link = await replies.CsatStateAsync(Token, ct);
            return Page();
        }

        Thanks = true;
        return Page();
    }
}
