using VibeCrm.Data.Identity;
using VibeCrm.Tenancy;
using VibeCrm.Web.Infrastructure.Email;

namespace VibeCrm.Web.Features.Accounts;

/// <summary>The system emails around accounts: confirm an address, reset a password, join the staff.</summary>
public sealed class AccountEmails(EmailTemplates templates, IEmailSender sender, ITenantContextAccessor tenants)
{
    public Task SendConfirmationAsync(AppUser user, string url, CancellationToken cancellationToken) =>
        SendAsync("confirm-email", user.Email!, user.DisplayName, url, null, null, cancellationToken);

    public Task SendPasswordResetAsync(AppUser user, string url, CancellationToken cancellationToken) =>
        SendAsync("reset-password", user.Email!, user.DisplayName, url, null, null, cancellationToken);

    public Task SendInvitationAsync(string email, string role, string inviterName, string url, CancellationToken cancellationToken) =>
        SendAsync("staff-invitation", email, null, url, role, inviterName, cancellationToken);

    private async Task SendAsync(string template, string to, string? toName, string url, string? detail, string? senderName, CancellationToken cancellationToken)
    {
        var tenant = tenants.RequireTenant();
        var model = new EmailModel(tenant.Name, toName ?? to, url) { Detail = detail, Sender = senderName };
        var message = await templates.RenderAsync(template, model, to, toName);
        await sender.SendAsync(message, cancellationToken);
    }
}
