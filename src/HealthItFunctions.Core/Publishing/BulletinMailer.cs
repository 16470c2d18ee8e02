using System.Net;
using HealthItFunctions.Core.Bulletins;
using HealthItFunctions.Core.Mail;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealthItFunctions.Core.Publishing;

public enum MailState
{
    NotRequested,
    Sent,

    /// <summary>This version was mailed before: nothing sent.</summary>
    AlreadySent,

    /// <summary>Another run holds the claim for this version right now.</summary>
    ClaimedElsewhere,

    /// <summary>Every attempt failed; the bulletin stays archived and the record says why.</summary>
    Failed,
}

public sealed record MailOutcome(MailState State, int Attempts = 0, string? Error = null)
{
    public static MailOutcome NotRequested { get; } = new(MailState.NotRequested);
}

/// <summary>
/// Sends the approved bulletin version to the readers at most once per claim: the send is claimed in the bulletin
/// record under its ETag first, so of two racing runs only one sends. A claim older than <see cref="ClaimLifetime"/>
/// is taken over, because the run that held it has died.
/// </summary>
public sealed class BulletinMailer(
    IMailer mailer,
    IBulletinStore bulletins,
    IBulletinLinks links,
    IOptions<MailOptions> options,
    IOptions<BulletinOptions> bulletinOptions,
    TimeProvider clock,
    ILogger<BulletinMailer> logger)
{
    internal static readonly TimeSpan ClaimLifetime = TimeSpan.FromMinutes(10);

    public async Task<MailOutcome> SendOnceAsync(BulletinRecord record, RenderedBulletin rendered, CancellationToken cancellationToken)
    {
        var approved = record.Approved ?? throw new InvalidOperationException($"Bulletin {record.Month} has no approved version to send.");
        var version = approved.Version;
        if (record.SentVersion >= version)
        {
            return new MailOutcome(MailState.AlreadySent);
        }

        if (options.Value.ReaderList.Count == 0)
        {
            return new MailOutcome(MailState.Failed, 0, "Mail:Readers lists nobody (environment: Mail__Readers); the approved bulletin waits for readers.");
        }

        if (record.ClaimedVersion == version && record.ClaimedAt > clock.GetUtcNow() - ClaimLifetime)
        {
            return new MailOutcome(MailState.ClaimedElsewhere);
        }

        if (await bulletins.TrySaveAsync(record with { ClaimedVersion = version, ClaimedAt = clock.GetUtcNow() }, cancellationToken) is not { } claimed)
        {
            return new MailOutcome(MailState.ClaimedElsewhere);
        }

        var mail = Compose(rendered, await ArchiveLinkAsync(approved, cancellationToken));
        var result = await MailRetry.SendAsync(mailer, mail, options.Value, clock, async (attempt, e) =>
        {
            logger.LogWarning("Mailing bulletin {Month} v{Version}, attempt {Attempt}, failed: {Error}", record.Month, version, attempt, e.Message);
            claimed = await SaveAsync(claimed with { LastSendError = $"{clock.GetUtcNow():u} v{version} attempt {attempt}: {e.Message}" }, cancellationToken);
        }, cancellationToken);

        if (!result.Sent)
        {
            await SaveAsync(claimed with { ClaimedVersion = null, ClaimedAt = null }, cancellationToken);
            return new MailOutcome(MailState.Failed, result.Attempts, result.LastError);
        }

        // LastSendError stays: an editor asking "why did it come late?" finds the failed attempt in `bulletins status`.
        await SaveAsync(claimed with { SentVersion = version, SentAt = clock.GetUtcNow(), ClaimedVersion = null, ClaimedAt = null }, cancellationToken);
        logger.LogInformation("Bulletin {Month} v{Version} mailed to {Count} readers (attempt {Attempt})", record.Month, version, mail.To.Count, result.Attempts);
        return new MailOutcome(MailState.Sent, result.Attempts);
    }

    /// <summary>The archived .docx as a time-limited link. A mail without it still carries the attachment, so a failure only costs the link.</summary>
    private async Task<(Uri Url, DateTimeOffset Until)?> ArchiveLinkAsync(BulletinVersion version, CancellationToken cancellationToken)
    {
        if (version.BlobNames.FirstOrDefault(n => n.EndsWith(".docx", StringComparison.OrdinalIgnoreCase)) is not { } blob)
        {
            return null;
        }

        var lifetime = options.Value.BulletinLinkLifetime;
        try
        {
            return (await links.CreateReadLinkAsync(blob, lifetime, cancellationToken), clock.GetUtcNow() + lifetime);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "No archive link for {Blob}; the mail goes out with the attachment only", blob);
            return null;
        }
    }

    private OutgoingMail Compose(RenderedBulletin rendered, (Uri Url, DateTimeOffset Until)? link)
    {
        var document = rendered.Document;
        var subject = BulletinWording.IssueName(document, bulletinOptions.Value.Title);
        string Text(BulletinFormat format) => System.Text.Encoding.UTF8.GetString(rendered.Files.Single(f => f.Format == format).Content);
        var docx = rendered.Files.Single(f => f.Format == BulletinFormat.Docx);
        var text = Text(BulletinFormat.Markdown);
        var html = rendered.MailHtml ?? Text(BulletinFormat.Html);
        if (link is { } archive)
        {
            var until = archive.Until.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm");
            text += $"\n\n存档（Word 版，{until} 前有效）：{archive.Url}\n";
            var paragraph = $"<p style=\"font-size:13px;color:#555;margin:24px 0 0\">存档（Word 版，{until} 前有效）：" +
                $"<a href=\"{WebUtility.HtmlEncode(archive.Url.AbsoluteUri)}\">{WebUtility.HtmlEncode(Path.GetFileName(archive.Url.AbsolutePath))}</a></p>";
            var end = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
            html = end < 0 ? html + paragraph : html.Insert(end, paragraph);
        }

        return new OutgoingMail(
            options.Value.ReaderList,
            subject,
            text,
            html,
            [new MailAttachment($"{subject}.docx", docx.ContentType, docx.Content)],
            rendered.MailHtml is null ? null : rendered.Pictures.Select(p => new MailInlineImage(p.FileName, p.ContentType, p.Content)).ToList());
    }

    // The claim is ours, so an ETag conflict here means the record changed under us: keep the newest and go on.
    private async Task<BulletinRecord> SaveAsync(BulletinRecord record, CancellationToken cancellationToken) =>
        await bulletins.TrySaveAsync(record, cancellationToken)
        ?? throw new InvalidOperationException($"The bulletin record for {record.Month} changed while this run held the mail claim.");
}
