namespace HealthItFunctions.Core.Mail;

public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>A mail as the product composes it; the adapter turns it into MIME.</summary>
public sealed record OutgoingMail(
    IReadOnlyList<string> To,
    string Subject,
    string TextBody,
    string? HtmlBody = null,
    IReadOnlyList<MailAttachment>? Attachments = null);

public interface IMailer
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}

/// <summary>Mail settings (section Mail). The password comes from settings or a Key Vault reference and is never logged.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public string Host { get; set; } = "";

    public int Port { get; set; } = 25;

    /// <summary>None, StartTls, SslOnConnect or Auto.</summary>
    public string Security { get; set; } = "Auto";

    public string? User { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "";

    /// <summary>The editors, comma- or semicolon-separated.</summary>
    public string Editors { get; set; } = "";

    public IReadOnlyList<string> EditorList =>
        Editors.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
