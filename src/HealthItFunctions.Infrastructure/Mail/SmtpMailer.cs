using System.Net.Sockets;
using HealthItFunctions.Core.Mail;
using HealthItFunctions.Core.Text;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace HealthItFunctions.Infrastructure.Mail;

/// <summary>
/// MailKit over SMTP. UTF-8 headers and bodies, so Chinese subjects and attachment names arrive intact
/// (MimeKit writes non-ASCII parameters RFC 2231-encoded: filename*=utf-8''…). The password goes to the server's
/// AUTH exchange only: no protocol logger is attached and no log line or error message carries it.
/// </summary>
internal sealed class SmtpMailer(IOptions<MailOptions> options, ILogger<SmtpMailer> logger) : IMailer
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (mail.To.Count == 0)
        {
            throw new InvalidOperationException("No recipients: set Mail:Editors (environment: Mail__Editors) to a comma-separated list.");
        }

        var message = ToMime(mail, settings.From);
        logger.LogDebug("Sending '{Subject}' to {Count} recipients via {Host}:{Port} ({Security}) as {User}",
            mail.Subject, mail.To.Count, settings.Host, settings.Port, settings.Security, string.IsNullOrEmpty(settings.User) ? "(anonymous)" : settings.User);

        using var client = new SmtpClient();
        try
        {
            await client.ConnectAsync(settings.Host, settings.Port, ParseSecurity(settings.Security), cancellationToken);
        }
        catch (Exception e) when (e is SocketException or SslHandshakeException or IOException)
        {
            throw new MailServerUnavailableException(
                $"Could not reach the mail server {settings.Host}:{settings.Port} ({settings.Security}): {e.Message}. Check Mail:Host, Mail:Port and Mail:Security.", e);
        }

        if (!string.IsNullOrEmpty(settings.User))
        {
            try
            {
                await client.AuthenticateAsync(settings.User, settings.Password ?? "", cancellationToken);
            }
            catch (AuthenticationException e)
            {
                // MailKit's message is the server's reply, which never echoes the password; ours names the settings.
                throw new AuthenticationException($"The mail server refused user '{settings.User}': {e.Message}. Check Mail:User and Mail:Password.", e);
            }
            catch (NotSupportedException e)
            {
                throw new InvalidOperationException($"Mail:User is set but {settings.Host}:{settings.Port} offers no authentication ({e.Message}). Use Mail:Security StartTls or SslOnConnect, or clear Mail:User.", e);
            }
        }

        await client.SendAsync(message, cancellationToken);
        try
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception e) when (e is IOException or SocketException or ProtocolException or CommandException)
        {
            // The server has accepted the message: a failed QUIT must not make the caller send it again.
            logger.LogDebug(e, "Sent '{Subject}'; the QUIT that followed failed", mail.Subject);
            return;
        }

        logger.LogDebug("Sent '{Subject}'", mail.Subject);
    }

    internal static MimeMessage ToMime(OutgoingMail mail, string from)
    {
        var message = new MimeMessage();
        if (mail.MessageId is not null)
        {
            message.MessageId = mail.MessageId;
        }

        message.From.Add(MailboxAddress.Parse(from));
        foreach (var to in mail.To)
        {
            message.To.Add(MailboxAddress.Parse(to));
        }

        // The last guard for mail: a composed subject or body may quote a stored title written before the sanitizer.
        message.Subject = TextSanitizer.Clean(mail.Subject);
        var body = new BodyBuilder { TextBody = TextSanitizer.Clean(mail.TextBody), HtmlBody = TextSanitizer.Clean(mail.HtmlBody) };
        foreach (var image in mail.HtmlBody is null ? [] : mail.InlineImages ?? [])
        {
            // multipart/related beside the HTML: clients show these where the body says cid:…, not as attachments.
            var part = body.LinkedResources.Add(image.ContentId, image.Content, ContentType.Parse(image.ContentType));
            part.ContentId = image.ContentId;
        }

        foreach (var attachment in mail.Attachments ?? [])
        {
            var part = body.Attachments.Add(TextSanitizer.Clean(attachment.FileName), attachment.Content, ContentType.Parse(attachment.ContentType));
            // RFC 2231 (filename*=utf-8''%E5%8C%97…) is the standard; also setting the Content-Type name keeps
            // older clients that only read that parameter from showing "ATT00001.bin".
            part.ContentType.Name = TextSanitizer.Clean(attachment.FileName);
        }

        message.Body = body.ToMessageBody();
        return message;
    }

    private static SecureSocketOptions ParseSecurity(string value) => Enum.TryParse<SecureSocketOptions>(value, ignoreCase: true, out var parsed)
        ? parsed
        : throw new InvalidOperationException($"Mail:Security '{value}' is not one of None, StartTls, SslOnConnect, Auto.");
}

/// <summary>The mail server could not be reached; worth a retry.</summary>
public sealed class MailServerUnavailableException(string message, Exception inner) : Exception(message, inner);
