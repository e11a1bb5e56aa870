using Microsoft.Extensions.Options;
using VibeCrm.Data;

namespace VibeCrm.Web.Infrastructure.Email;

/// <summary>The embedded default: each message becomes an .eml file in the pickup folder (listed by the dev outbox page).</summary>
public sealed partial class PickupFolderEmailSender(
    IOptions<EmailOptions> options,
    DatabaseLocator locator,
    ILogger<PickupFolderEmailSender> logger) : IEmailSender
{
    public string Folder => Path.GetFullPath(options.Value.PickupFolder, locator.DataFolder);

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        using var mime = MimeBuilder.Build(message, options.Value);
        var file = Path.Combine(Folder, $"{DateTime.UtcNow:yyyyMMdd-HHmmss-fff}-{Guid.NewGuid():N}.eml");
        await mime.WriteToAsync(file, cancellationToken);
        LogWritten(logger, message.Subject, file);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Email '{Subject}' written to {File} (no SMTP host configured)")]
    private static partial void LogWritten(ILogger logger, string subject, string file);
}
