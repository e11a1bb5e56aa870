using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VibeCrm.Data.Feedback;
using VibeCrm.Tenancy;
using VibeCrm.Web.Features.Feedback;
using VibeCrm.Web.Features.Members;
using VibeCrm.Web.Infrastructure.Auth;

namespace VibeCrm.Web.Areas.Portal.Pages.Feedback;

/// <summary>A signed-in member leaves a review, a complaint or a suggestion.</summary>
[Authorize(Policy = AuthPolicies.Member)]
public sealed class NewModel(FeedbackService feedback, MemberCustomers members) : PageModel
{
    [BindProperty]
    public FeedbackSubmission Input { get; set; } = new();

    public void OnGet(FeedbackType type = FeedbackType.Review) => Input.Type = type is FeedbackType.Complaint or FeedbackType.Suggestion ? type : FeedbackType.Review;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var customer = await members.EnsureAsync(User.UserId(), ct);
        if (!customer.Result.Succeeded)
        {
            ModelState.AddModelError("", customer.Result.Error!);
            return Page();
        }

        var input = new FeedbackSubmission
        {
            Type = Input.Type is FeedbackType.Review or FeedbackType.Complaint or FeedbackType.Suggestion ? Input.Type : FeedbackType.Review,
            Channel = FeedbackChannel.Portal,
            CustomerId = customer.CustomerId,
            Rating = Input.Rating,
            Title = Input.Title,
            Text = Input.Text,
            Store = Input.Store,
            Product = Input.Product,
        };
        var result = await feedback.SubmitAsync(input, ct);
        if (!result.Succeeded)
        {
            ModelState.Clear();
            foreach (var (field, message) in result.Errors)
            {
                ModelState.AddModelError("Input." + field, message);
            }

            return Page();
        }

        TempData["StatusMessage"] = input.Type == FeedbackType.Review ? "Thank you for your review!" : "Thank you: we have your message and will get back to you.";
        return Redirect($"/{HttpContext.RequireTenant().Identifier}/feedback/mine");
    }
}
