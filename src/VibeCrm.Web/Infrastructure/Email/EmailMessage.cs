namespace VibeCrm.Web.Infrastructure.Email;

/// <summary>An email ready to send: always both an HTML and a plain-text body.</summary>
public sealed record EmailMessage(string ToAddress, string? ToName, string Subject, string HtmlBody, string TextBody)
{
    /// <summary>Shown as the sender's name, e.g. the merchant's business name.</summary>
    public string? FromName { get; init; }
}

public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
