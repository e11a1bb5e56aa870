using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VibeCrm.Web.Features.Feedback;
using VibeCrm.Web.Features.Members;
using VibeCrm.Web.Infrastructure.Auth;

namespace VibeCrm.Web.Areas.Portal.Pages.Feedback;

/// <summary>The member's own reviews and messages, with what the merchant answered them.</summary>
[Authorize(Policy = AuthPolicies.Member)]
public sealed class MineModel(FeedbackQueries queries, MemberCustomers members) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public IReadOnlyList<MyFeedback> Items { get; private set; } = [];

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var customer = await members.EnsureAsync(User.UserId(), ct);
        if (customer.CustomerId is { } id)
        {
            Items = await queries.ForCustomerAsync(id, ct);
        }
        else
        {
            Problem = customer.Result.Error;
        }

        return Page();
    }
}
