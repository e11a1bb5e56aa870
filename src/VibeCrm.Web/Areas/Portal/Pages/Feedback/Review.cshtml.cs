using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Feedback;
using VibeCrm.Data.Tenants;
using VibeCrm.Web.Features.Feedback;
using VibeCrm.Web.Infrastructure.Web;

namespace VibeCrm.Web.Areas.Portal.Pages.Feedback;

/// <summary>A review from a signed invitation link (e.g. after a purchase): no sign-in, one review per link.</summary>
public sealed class ReviewModel(FeedbackLinks links, FeedbackService feedback, TenantDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "t")]
    public string? Token { get; set; }

    [BindProperty]
    public FeedbackSubmission Input { get; set; } = new();

    public LinkState Link { get; private set; } = new(SignedLinkStatus.Invalid, false);

    public bool Thanks { get; private set; }

    public string? Purchase { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await ReadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (customerId, purchase) = await ReadAsync(ct);
        if (!Link.Usable)
        {
            return Page();
        }

        var input = new FeedbackSubmission
        {
            Type = FeedbackType.Review,
            Channel = FeedbackChannel.PublicLink,
            CustomerId = customerId,
            PurchaseReference = purchase,
            Rating = Input.Rating,
            Title = Input.Title,
            Text = Input.Text,
            Store = Input.Store,
            Product = Input.Product,
        };
        var result = await feedback.SubmitAsync(input, new FeedbackService.SubmitOptions(LinkKey: FeedbackLinks.ReviewKey(customerId, purchase)), ct);
        ModelState.Clear();
        if (!result.Succeeded)
        {
            foreach (var (field, message) in result.Errors)
            {
                ModelState.AddModelError("Input." + field, message);
            }

            return Page();
        }

        Thanks = true;
        return Page();
    }

    private async Task<(int CustomerId, string Purchase)> ReadAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        var (status, customerId, purchase) = links.ReadReview(Token);
        if (status != SignedLinkStatus.Valid)
        {
            Link = new LinkState(status, false);
            return (0, "");
        }

        var key = FeedbackLinks.ReviewKey(customerId, purchase);
        var used = await db.FeedbackItems.AnyAsync(i => i.LinkKey == key, ct);
        Link = new LinkState(SignedLinkStatus.Valid, used);
        Purchase = purchase;
        return (customerId, purchase);
    }
}
