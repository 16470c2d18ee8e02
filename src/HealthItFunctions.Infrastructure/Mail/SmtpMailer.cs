using HealthItFunctions.Core.Mail;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace HealthItFunctions.Infrastructure.Mail;

/// <summary>MailKit over SMTP. UTF-8 headers and bodies, so Chinese subjects and attachment names arrive intact.</summary>
internal sealed class SmtpMailer(IOptions<MailOptions> options) : IMailer
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (mail.To.Count == 0)
        {
            throw new InvalidOperationException("No recipients: set Mail:Editors (environment: Mail__Editors) to a comma-separated list.");
        }

        using var client = new SmtpClient();
        await client.ConnectAsync(settings.Host, settings.Port, ParseSecurity(settings.Security), cancellationToken);
        if (!string.IsNullOrEmpty(settings.User))
        {
            await client.AuthenticateAsync(settings.User, settings.Password ?? "", cancellationToken);
        }

        await client.SendAsync(ToMime(mail, settings.From), cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    internal static MimeMessage ToMime(OutgoingMail mail, string from)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        foreach (var to in mail.To)
        {
            message.To.Add(MailboxAddress.Parse(to));
        }

        message.Subject = mail.Subject;
        var body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody };
        foreach (var attachment in mail.Attachments ?? [])
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }

        message.Body = body.ToMessageBody();
        return message;
    }

    private static SecureSocketOptions ParseSecurity(string value) => Enum.TryParse<SecureSocketOptions>(value, ignoreCase: true, out var parsed)
        ? parsed
        : throw new InvalidOperationException($"Mail:Security '{value}' is not one of None, StartTls, SslOnConnect, Auto.");
}
