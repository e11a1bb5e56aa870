using MailKit.Security;

namespace VibeCrm.Web.Infrastructure.Email;

/// <summary>SMTP settings (section <c>Email</c>). With no <see cref="Host"/>, mail goes to the pickup folder.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTlsWhenAvailable;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string FromAddress { get; set; } = "no-reply@vibecrm.local";

    public string FromName { get; set; } = "VibeCrm";

    /// <summary>Where .eml files go when no SMTP host is configured. Relative to the data folder.</summary>
    public string PickupFolder { get; set; } = "mail-outbox";
}
