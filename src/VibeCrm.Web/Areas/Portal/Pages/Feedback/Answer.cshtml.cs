using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VibeCrm.Web.Features.Feedback;
using VibeCrm.Web.Infrastructure.Web;

namespace VibeCrm.Web.Areas.Portal.Pages.Feedback;

/// <summary>The customer answers a staff email reply through its signed link, without signing in (once per email).</summary>
public sealed class AnswerModel(FeedbackReplies replies) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "t")]
    public string? Token { get; set; }

    [BindProperty]
    public string? Body { get; set; }

    public LinkState Link { get; private set; } = new(SignedLinkStatus.Invalid, false);

    public bool Thanks { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        Link = await replies.AnswerStateAsync(Token, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        Link = await replies.AnswerStateAsync(Token, ct);
        if (!Link.Usable)
        {
            return Page();
        }

        var result = await replies.AnswerAsync(Token, Body, ct);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(nameof(Body), result.Error!);
            Link = await replies.AnswerStateAsync(Token, ct);
            return Page();
        }

        Thanks = true;
        return Page();
    }
}
