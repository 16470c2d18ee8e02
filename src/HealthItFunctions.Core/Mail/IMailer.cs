namespace HealthItFunctions.Core.Mail;

public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>A picture the HTML body shows as cid:<paramref name="ContentId"/>, sent as a related part of the message.</summary>
public sealed record MailInlineImage(string ContentId, string ContentType, byte[] Content);

/// <summary>A mail as the product composes it; the adapter turns it into MIME.</summary>
/// <param name="MessageId">The Message-ID (without angle brackets) every copy of this mail carries, so a resent copy
/// is shown once; null lets the adapter make a fresh one.</param>
public sealed record OutgoingMail(
    IReadOnlyList<string> To,
    string Subject,
    string TextBody,
    string? HtmlBody = null,
    IReadOnlyList<MailAttachment>? Attachments = null,
    IReadOnlyList<MailInlineImage>? InlineImages = null,
    string? MessageId = null);

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

    /// <summary>The bulletin's readers, comma- or semicolon-separated: they get each approved bulletin once.</summary>
    public string Readers { get; set; } = "";

    /// <summary>Who gets source alerts; empty sends them to the editors.</summary>
    public string? AlertsTo { get; set; }

    /// <summary>Source alert mails (incidents and recoveries) per Beijing day; the rest are logged, not mailed.</summary>
    public int MaxAlertsPerDay { get; set; } = 10;

    /// <summary>Attempts per mail, the first included.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The wait after the first failed attempt; each later wait is five times the previous one.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long the archive link in the bulletin mail works. Seven days is the longest a user-delegation SAS may
    /// live, and the .docx is attached anyway; the link is for the HTML and Markdown copies and for forwarding.
    /// </summary>
    public TimeSpan BulletinLinkLifetime { get; set; } = TimeSpan.FromDays(7);

    public IReadOnlyList<string> EditorList => SplitList(Editors);

    public IReadOnlyList<string> ReaderList => SplitList(Readers);

    public IReadOnlyList<string> AlertList => string.IsNullOrWhiteSpace(AlertsTo) ? EditorList : SplitList(AlertsTo);

    /// <summary>The wait before attempt <paramref name="attempt"/> + 1.</summary>
    public TimeSpan RetryDelayAfter(int attempt) => RetryDelay * Math.Pow(5, attempt - 1);

    // Options objects end up in debugger views and ad-hoc log lines; the password must not ride along.
    public override string ToString() =>
        $"Mail {Host}:{Port} ({Security}) from {From}, user {(string.IsNullOrEmpty(User) ? "(none)" : User)}, password {(string.IsNullOrEmpty(Password) ? "(none)" : "(set)")}";

    private static IReadOnlyList<string> SplitList(string value) =>
        value.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
