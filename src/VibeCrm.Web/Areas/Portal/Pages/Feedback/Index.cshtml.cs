using Microsoft.AspNetCore.Mvc.RazorPages;
using VibeCrm.Web.Features.Feedback;

namespace VibeCrm.Web.Areas.Portal.Pages.Feedback;

/// <summary>The merchant's published reviews with their public replies; open to everyone.</summary>
public sealed class IndexModel(FeedbackQueries queries) : PageModel
{
    public const int PageSize = 20;

    public IReadOnlyList<PublicReview> Reviews { get; private set; } = [];

    public int Total { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(int page = 1, CancellationToken ct = default)
    {
        PageNumber = Math.Max(1, page);
        (Reviews, Total) = await queries.PublishedReviewsAsync(PageNumber, PageSize, ct);
    }
}
