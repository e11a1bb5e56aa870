using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MimeKit;
using VibeCrm.Web.Infrastructure.Email;

namespace VibeCrm.Web.Pages.Dev;

public sealed record OutboxItem(string File, DateTimeOffset Date, string To, string Subject, string? Text);

/// <summary>Development only: the emails written to the pickup folder, newest first.</summary>
public sealed class OutboxModel(IWebHostEnvironment environment, PickupFolderEmailSender pickup) : PageModel
{
    public IReadOnlyList<OutboxItem> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment())
        {
            return NotFound();
        }

        var items = new List<OutboxItem>();
        if (Directory.Exists(pickup.Folder))
        {
            foreach (var file in new DirectoryInfo(pickup.Folder).GetFiles("*.eml").OrderByDescending(f => f.Name, StringComparer.Ordinal).Take(50))
            {
                using var message = await MimeMessage.LoadAsync(file.FullName, cancellationToken);
                items.Add(new OutboxItem(file.Name, message.Date, message.To.ToString(), message.Subject ?? "", message.TextBody));
            }
        }

        Items = items;
        return Page();
    }
}
