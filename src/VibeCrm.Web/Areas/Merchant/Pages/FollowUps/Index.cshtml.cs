using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VibeCrm.Tenancy;
using VibeCrm.Web.Features.Interactions;
using VibeCrm.Web.Infrastructure.Auth;

namespace VibeCrm.Web.Areas.Merchant.Pages.FollowUps;

/// <summary>My follow-ups: due today and overdue (tenant time zone), and the open tickets assigned to me.</summary>
public sealed class IndexModel(FollowUpQueries queries, InteractionService interactions) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public MyFollowUps Data { get; private set; } = new(default, [], []);

    public async Task OnGetAsync(CancellationToken ct) =>
        Data = await queries.ForStaffAsync(User.UserId(), HttpContext.RequireTenant().TimeZoneId, ct);

    public async Task<IActionResult> OnPostDoneAsync(int interactionId, CancellationToken ct)
    {
        var result = await interactions.MarkDoneAsync(interactionId, StaffActor.From(User), ct);
        if (Request.IsHtmx())
        {
            if (!result.Succeeded)
            {
                Response.Htmx(h => h.Reswap("none"));
            }

            Response.Htmx(h => h.WithTrigger("toast", new { message = result.Succeeded ? "Done." : result.Error, level = result.Succeeded ? "success" : "danger" }));
            return Content("", "text/html");
        }

        StatusMessage = result.Succeeded ? "Done." : "Error: " + result.Error;
        return RedirectToPage();
    }
}
