using System.Text;
using HealthItFunctions.Core.Bulletins;
using HealthItFunctions.Core.Mail;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealthItFunctions.Core.Publishing;

/// <summary>
/// Tells the editors a draft is waiting: how many items, the review link, the draft .docx attached. Sent when the
/// selection (which articles, in which order) differs from the one they were last told about, so a daily rebuild
/// that only re-renders the same items stays quiet. The notice is claimed ("sending") in the record under its ETag
/// before it is sent and recorded as notified right after (see <see cref="MailClaim"/>); a failed send gives the
/// claim back, and a claim left by a dead run is taken over once it expires, so a crash never loses the notice.
/// </summary>
public sealed class DraftNotice(
    IMailer mailer,
    IBulletinStore bulletins,
    IOptions<MailOptions> options,
    IOptions<BulletinOptions> bulletinOptions,
    TimeProvider clock,
    ILogger<DraftNotice> logger)
{
    public async Task<(BulletinRecord Record, MailOutcome Outcome)> SendIfChangedAsync(BulletinRecord record, RenderedBulletin rendered, CancellationToken cancellationToken)
    {
        var version = record.Latest ?? throw new InvalidOperationException($"Bulletin {record.Month} has no draft version to announce.");
        var selection = rendered.SelectionHash;
        if (record.NotifiedSelection == selection)
        {
            return (record, new MailOutcome(MailState.AlreadySent));
        }

        if (options.Value.EditorList.Count == 0)
        {
            logger.LogWarning("Draft of {Month} v{Version} is ready, but Mail:Editors lists nobody to tell", record.Month, version.Version);
            return (record, MailOutcome.NotRequested);
        }

        if (MailClaim.IsLive(record.NoticeClaimedAt, clock.GetUtcNow()))
        {
            return (record, new MailOutcome(MailState.ClaimedElsewhere));
        }

        var messageId = MailClaim.MessageId("draft", record.Month, version.Version, selection, options.Value.From);
        if (record.NoticeClaimedAt is { } since)
        {
            logger.LogWarning("Draft notice {Month} v{Claimed} was claimed at {Since:u} by a run that never recorded it sent; it may have reached the editors. " +
                "Sending v{Version} as Message-ID {MessageId}: a copy of the same notice carries the same id", record.Month, record.NoticeClaimedVersion, since, version.Version, messageId);
        }

        var claim = record with { NoticeClaimedSelection = selection, NoticeClaimedVersion = version.Version, NoticeClaimedAt = clock.GetUtcNow() };
        if (await bulletins.TrySaveAsync(claim, cancellationToken) is not { } claimed)
        {
            return (record, new MailOutcome(MailState.ClaimedElsewhere));
        }

        var mail = Compose(record.Month, version, rendered) with { MessageId = messageId };
        var result = await MailRetry.SendAsync(mailer, mail, options.Value, clock, (attempt, e) =>
        {
            logger.LogWarning("Draft notice {Month} v{Version}, attempt {Attempt}, failed: {Error}", record.Month, version.Version, attempt, e.Message);
            return Task.CompletedTask;
        }, cancellationToken);

        // Only our own claim is cleared: a newer one belongs to a run that took over an expired claim.
        BulletinRecord Release(BulletinRecord r) => r.NoticeClaimedAt == claimed.NoticeClaimedAt
            ? r with { NoticeClaimedSelection = null, NoticeClaimedVersion = null, NoticeClaimedAt = null }
            : r;

        if (!result.Sent)
        {
            var failed = await bulletins.SaveMergingAsync(claimed, r => Release(r) with
            {
                LastSendError = $"{clock.GetUtcNow():u} draft notice v{version.Version}: {result.LastError}",
            }, cancellationToken);
            return (failed, new MailOutcome(MailState.Failed, result.Attempts, result.LastError));
        }

        var notified = await bulletins.SaveMergingAsync(claimed, r => Release(r) with
        {
            NotifiedSelection = selection,
            NotifiedVersion = version.Version,
            NotifiedAt = clock.GetUtcNow(),
        }, cancellationToken);
        logger.LogInformation("Draft {Month} v{Version} ({Count} items) announced to {Editors} editors", record.Month, version.Version, version.ArticleCount, mail.To.Count);
        return (notified, new MailOutcome(MailState.Sent, result.Attempts));
    }

    /// <summary>The review page opened on the month (it reads #month=), when <see cref="BulletinOptions.ReviewUrl"/> says where it is.</summary>
    public string? ReviewLink(BulletinMonth month) =>
        string.IsNullOrWhiteSpace(bulletinOptions.Value.ReviewUrl) ? null : $"{bulletinOptions.Value.ReviewUrl.Split('#')[0]}#month={month}";

    private OutgoingMail Compose(BulletinMonth month, BulletinVersion version, RenderedBulletin rendered)
    {
        var document = rendered.Document;
        var name = BulletinWording.IssueName(document, bulletinOptions.Value.Title);
        var link = ReviewLink(month);
        var text = new StringBuilder()
            .AppendLine($"{name} 的草稿（第 {version.Version} 版）已生成，共 {document.Items.Count} 条，等待审核。")
            .AppendLine(link is null ? "审核页：未设置 Bulletin:ReviewUrl（Bulletin__ReviewUrl）。" : $"审核并批准：{link}")
            .AppendLine("批准后，月报发送给读者（Mail:Readers）一次。")
            .AppendLine()
            .AppendLine(BulletinWording.TocHeading);
        for (var i = 0; i < document.Items.Count; i++)
        {
            text.AppendLine($"{BulletinWording.TocTitleLine(i + 1, document.Items[i])}{BulletinWording.TocMediaLine(document.Items[i])}");
        }

        var docx = rendered.Files.Single(f => f.Format == BulletinFormat.Docx);
        return new OutgoingMail(
            options.Value.EditorList,
            $"待审核：{name}（草稿 v{version.Version}，{document.Items.Count} 条）",
            text.ToString(),
            Attachments: [new MailAttachment($"{name} 草稿 v{version.Version}.docx", docx.ContentType, docx.Content)]);
    }
}
