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
/// Sends the approved bulletin version to the readers: claimed ("sending") in the bulletin record under its ETag
/// first, so of two racing runs only one sends, and recorded as sent right after the server accepts it. A claim
/// older than <see cref="MailClaim.Lifetime"/> is taken over, because the run that held it has died; that run may
/// have died after the server accepted the mail, so the copy goes with the same Message-ID (see <see cref="MailClaim"/>).
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

        if (record.ClaimedVersion == version && MailClaim.IsLive(record.ClaimedAt, clock.GetUtcNow()))
        {
            return new MailOutcome(MailState.ClaimedElsewhere);
        }

        var messageId = MailClaim.MessageId("bulletin", record.Month, version, approved.ContentHash, options.Value.From);
        if (record.ClaimedVersion == version)
        {
            logger.LogWarning("Bulletin {Month} v{Version} was claimed at {Since:u} by a run that never recorded it sent; it may have reached the readers. " +
                "Sending it again as Message-ID {MessageId}, the id of the first copy", record.Month, version, record.ClaimedAt, messageId);
        }

        if (await bulletins.TrySaveAsync(record with { ClaimedVersion = version, ClaimedAt = clock.GetUtcNow() }, cancellationToken) is not { } claimed)
        {
            return new MailOutcome(MailState.ClaimedElsewhere);
        }

        var mail = Compose(rendered, await ArchiveLinkAsync(approved, cancellationToken)) with { MessageId = messageId };
        var result = await MailRetry.SendAsync(mailer, mail, options.Value, clock, async (attempt, e) =>
        {
            logger.LogWarning("Mailing bulletin {Month} v{Version}, attempt {Attempt}, failed: {Error}", record.Month, version, attempt, e.Message);
            claimed = await bulletins.SaveMergingAsync(claimed, r => r with { LastSendError = $"{clock.GetUtcNow():u} v{version} attempt {attempt}: {e.Message}" }, cancellationToken);
        }, cancellationToken);

        // Only our own claim is cleared: a newer one belongs to a run that took over an expired claim.
        BulletinRecord Release(BulletinRecord r) => r.ClaimedVersion == version && r.ClaimedAt == claimed.ClaimedAt
            ? r with { ClaimedVersion = null, ClaimedAt = null }
            : r;

        if (!result.Sent)
        {
            await bulletins.SaveMergingAsync(claimed, Release, cancellationToken);
            return new MailOutcome(MailState.Failed, result.Attempts, result.LastError);
        }

        // The "sent" write follows the server's 250 at once: the at-least-once window is this one table write.
        // LastSendError stays: an editor asking "why did it come late?" finds the failed attempt in `bulletins status`.
        await bulletins.SaveMergingAsync(claimed, r => Release(r) with { SentVersion = Math.Max(r.SentVersion, version), SentAt = clock.GetUtcNow() }, cancellationToken);
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
}
