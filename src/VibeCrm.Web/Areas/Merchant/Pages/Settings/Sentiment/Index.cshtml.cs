using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VibeCrm.Web.Features;
using VibeCrm.Web.Features.Sentiment;

namespace VibeCrm.Web.Areas.Merchant.Pages.Settings.Sentiment;

/// <summary>Settings → Sentiment (Manager and Owner, through the /Settings convention): model in use, attempts, corrections, topics.</summary>
public sealed class IndexModel(SentimentSettingsQueries queries, SentimentCorrections corrections, SentimentTopicService topics) : PageModel
{
    [BindProperty]
    public TopicInput NewTopic { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public SentimentOverview Overview { get; private set; } = null!;

    public IReadOnlyList<TopicRow> Topics { get; private set; } = [];

    public sealed class TopicInput
    {
        [Display(Name = "Topic name")]
        public string? Name { get; set; }

        [Display(Name = "Keywords (comma-separated)")]
        public string? Keywords { get; set; }
    }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostRetrainAsync(CancellationToken cancellationToken) =>
        Done(await corrections.QueueManualRetrainingAsync(cancellationToken), "Retraining queued: the result appears in the history below in a minute or two.");

    public async Task<IActionResult> OnPostThresholdAsync(int? threshold, CancellationToken cancellationToken) =>
        Done(threshold is { } value
            ? await corrections.SetThresholdAsync(value, cancellationToken)
            : CommandResult.Fail("Enter the number of corrections that triggers a retraining."), "Threshold saved.");

    public async Task<IActionResult> OnPostAddTopicAsync(CancellationToken cancellationToken)
    {
        var result = await topics.AddAsync(NewTopic.Name, NewTopic.Keywords, cancellationToken);
        if (result.Succeeded)
        {
            StatusMessage = $"Topic “{NewTopic.Name!.Trim()}” saved.";
            return RedirectToPage();
        }

        ModelState.AddModelError("NewTopic.Name", result.Error!);
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostUpdateTopicAsync(int id, string? keywords, CancellationToken cancellationToken) =>
        Done(await topics.UpdateAsync(id, keywords, cancellationToken), "Keywords saved.");

    public async Task<IActionResult> OnPostDeleteTopicAsync(int id, CancellationToken cancellationToken) =>
        Done(await topics.DeleteAsync(id, cancellationToken), "Topic removed.");

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Overview = await queries.OverviewAsync(cancellationToken);
        Topics = await topics.ListAsync(cancellationToken);
    }

    private RedirectToPageResult Done(CommandResult result, string success)
    {
        StatusMessage = result.Succeeded ? success : "Error: " + result.Error;
        return RedirectToPage();
    }
}
