using System.Text;
using HealthItFunctions.Core.Bulletins;
using HealthItFunctions.Core.Mail;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealthItFunctions.Core.Publishing;

/// <summary>
/// Tells the editors a draft is waiting: how many items, the review link, the draft .docx attached. Sent when the
/// selection (which articles, in which order) differs from the one they were last told about, so a daily rebuild
/// that only re-renders the same items stays quiet. The notice is claimed in the record under its ETag before it
/// is sent; a failed send gives the claim back, so the next daily run tries again.
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
        if (record.NotifiedSelection == rendered.SelectionHash)
        {
            return (record, new MailOutcome(MailState.AlreadySent));
        }

        if (options.Value.EditorList.Count == 0)
        {
            logger.LogWarning("Draft of {Month} v{Version} is ready, but Mail:Editors lists nobody to tell", record.Month, version.Version);
            return (record, MailOutcome.NotRequested);
        }

        var claim = record with { NotifiedSelection = rendered.SelectionHash, NotifiedVersion = version.Version, NotifiedAt = clock.GetUtcNow() };
        if (await bulletins.TrySaveAsync(claim, cancellationToken) is not { } claimed)
        {
            return (record, new MailOutcome(MailState.ClaimedElsewhere));
        }

        var mail = Compose(record.Month, version, rendered);
        var result = await MailRetry.SendAsync(mailer, mail, options.Value, clock, (attempt, e) =>
        {
            logger.LogWarning("Draft notice {Month} v{Version}, attempt {Attempt}, failed: {Error}", record.Month, version.Version, attempt, e.Message);
            return Task.CompletedTask;
        }, cancellationToken);

        if (!result.Sent)
        {
            var released = claimed with
            {
                NotifiedSelection = record.NotifiedSelection,
                NotifiedVersion = record.NotifiedVersion,
                NotifiedAt = record.NotifiedAt,
                LastSendError = $"{clock.GetUtcNow():u} draft notice v{version.Version}: {result.LastError}",
            };
            return (await bulletins.TrySaveAsync(released, cancellationToken) ?? claimed, new MailOutcome(MailState.Failed, result.Attempts, result.LastError));
        }

        logger.LogInformation("Draft {Month} v{Version} ({Count} items) announced to {Editors} editors", record.Month, version.Version, version.ArticleCount, mail.To.Count);
        return (claimed, new MailOutcome(MailState.Sent, result.Attempts));
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
