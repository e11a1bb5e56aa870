using MimeKit;

namespace VibeCrm.Web.Infrastructure.Email;

internal static class MimeBuilder
{
    public static MimeMessage Build(EmailMessage message, EmailOptions options)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(message.FromName ?? options.FromName, options.FromAddress));
        mime.To.Add(new MailboxAddress(message.ToName ?? "", message.ToAddress));
        mime.Subject = message.Subject;
        var body = new BodyBuilder { HtmlBody = message.HtmlBody, TextBody = message.TextBody };
        mime.Body = body.ToMessageBody();
        mime.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("vibecrm.local");
        return mime;
    }
}
