using System.Security.Cryptography;
using System.Text;
using HealthItFunctions.Core.Articles;
using HealthItFunctions.Core.Bulletins;
using HealthItFunctions.Core.Bulletins.Rendering;
using HealthItFunctions.Core.Images;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealthItFunctions.Core.Publishing;

public sealed record RenderedFile(string FileName, BulletinFormat Format, string ContentType, byte[] Content);

/// <param name="ContentHash">Of every word the bulletin prints: what an editor previews and approves.</param>
/// <param name="SelectionHash">Of the selected articles' ids in order: what the editors are notified about.</param>
public sealed record RenderedBulletin(BulletinDocument Document, IReadOnlyList<RenderedFile> Files, string ContentHash, string SelectionHash)
{
    /// <summary>The HTML for the mail body, its pictures as cid: parts; null when no HTML renderer is registered.</summary>
    public string? MailHtml { get; init; }

    /// <summary>The HTML with its pictures inline as data: URIs, for the review page's preview frame.</summary>
    public string? PreviewHtml { get; init; }

    /// <summary>Every picture the bulletin shows, to archive under images/ beside the files and to embed in the mail.</summary>
    public IReadOnlyList<BulletinPicture> Pictures => Document.Items.SelectMany(i => i.Pictures).ToList();
}

public sealed record PublishResult(
    BulletinMonth Month,
    int IssueNumber,
    int Version,
    bool IsNewVersion,
    int ArticleCount,
    IReadOnlyList<string> BlobNames,
    IReadOnlyList<RenderedFile> Files,
    MailOutcome Mail,
    BulletinStage Stage = BulletinStage.Draft,
    MailOutcome? Notice = null)
{
    /// <summary>The pictures, for a copy of the files on disk: they go under images/ beside them.</summary>
    public IReadOnlyList<BulletinPicture> Pictures { get; init; } = [];
}

public enum ApprovalOutcome
{
    /// <summary>Approved now; <see cref="ApprovalResult.Published"/> says how the readers' mail went.</summary>
    Approved,

    /// <summary>This content already went to the readers: nothing sent.</summary>
    AlreadySent,

    /// <summary>The bulletin changed since the editor previewed it (another hash): nothing approved.</summary>
    Changed,

    /// <summary>An earlier version went to the readers; sending this one needs the editor's explicit confirmation.</summary>
    NeedsConfirmation,
}

public sealed record ApprovalResult(ApprovalOutcome Outcome, string CurrentHash, BulletinRecord? Record, PublishResult? Published = null);

/// <summary>
/// PublishBulletin, `healthit publish` and the editors' approval: the month's selected articles → the three formats
/// → a draft version in the archive (only when the content changed) → a notice to the editors when the selection
/// changed → an editor approves the hash they previewed → the readers get that version once.
/// </summary>
public sealed class BulletinPublisher(
    IArticleStore articles,
    BulletinComposer composer,
    IEnumerable<IBulletinRenderer> renderers,
    IBulletinArchive archive,
    IBulletinStore bulletins,
    BulletinMailer mailer,
    DraftNotice notice,
    IOptions<BulletinOptions> options,
    IArticleImageStore pictures,
    TimeProvider clock,
    ILogger<BulletinPublisher> logger)
{
    public const string AutomaticApprover = "auto";

    /// <summary>
    /// The daily run for the Beijing month before now: while it is unapproved, rebuild the draft (late items join) and
    /// tell the editors when the selection changed; once approved, make sure the readers got it. After
    /// <see cref="BulletinOptions.AutoDistributeAfterDays"/> days without approval (when set), approve it automatically.
    /// </summary>
    public async Task<PublishResult?> PublishPreviousMonthAsync(CancellationToken cancellationToken)
    {
        var month = BulletinMonth.BeijingMonthOf(clock.GetUtcNow()).Previous;
        var record = await bulletins.GetAsync(month, cancellationToken);
        switch (record?.Stage)
        {
            case BulletinStage.Sent:
                logger.LogDebug("Bulletin {Month} is approved and sent", month);
                return null;
            case BulletinStage.Approved:
                return await DistributeApprovedAsync(record, cancellationToken);
        }

        var draft = await PublishAsync(month, notify: true, cancellationToken);
        var days = options.Value.AutoDistributeAfterDays;
        record = await bulletins.GetAsync(month, cancellationToken);
        if (days > 0 && record?.Versions.Count > 0 && clock.GetUtcNow() - record.Versions[0].CreatedAt >= TimeSpan.FromDays(days))
        {
            logger.LogWarning("Bulletin {Month} has waited {Days} days for an editor; distributing it as Bulletin:AutoDistributeAfterDays allows", month, days);
            var approval = await ApproveAsync(month, expectedHash: null, AutomaticApprover, confirmResend: false, cancellationToken);
            return approval.Published ?? draft;
        }

        return draft;
    }

    /// <summary>Renders the month as it would be published, without archiving or mailing anything.</summary>
    public async Task<RenderedBulletin> PreviewAsync(BulletinMonth month, CancellationToken cancellationToken)
    {
        var selected = (await articles.ListMonthAsync(month, cancellationToken))
            .Where(a => a.IsSelected)
            .OrderBy(a => a.Order ?? int.MaxValue)
            .ThenBy(a => a.PublishedAt ?? DateTimeOffset.MaxValue)
            .ToList();
        var items = new List<BulletinItem>(selected.Count);
        foreach (var article in selected)
        {
            items.Add(ToItem(article) with { Pictures = await LoadPicturesAsync(article, cancellationToken) });
        }

        var document = composer.Compose(month, items);
        var files = renderers
            .OrderBy(r => r.Format)
            .Select(r => new RenderedFile($"bulletin-{document.IssueNumber:D3}.{r.FileExtension}", r.Format, r.ContentType, r.Render(document)))
            .ToList();
        // The Markdown carries every word of the bulletin; the .docx also carries zip timestamps, which must not make a new version.
        var hash = Convert.ToHexStringLower(SHA256.HashData(files.Single(f => f.Format == BulletinFormat.Markdown).Content));
        var selection = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', selected.Select(a => a.Id)))));
        var html = renderers.OfType<HtmlBulletinRenderer>().FirstOrDefault();
        string? Text(byte[]? bytes) => bytes is null ? null : Encoding.UTF8.GetString(bytes);
        return new RenderedBulletin(document, files, hash, selection)
        {
            MailHtml = Text(html?.RenderForMail(document)),
            PreviewHtml = Text(html?.RenderSelfContained(document)),
        };
    }

    /// <summary>The article's shown pictures, read from their blobs (one request each); a vanished blob is left out with a warning.</summary>
    private async Task<IReadOnlyList<BulletinPicture>> LoadPicturesAsync(StoredArticle article, CancellationToken cancellationToken)
    {
        var loaded = new List<BulletinPicture>();
        foreach (var image in article.ShownImages)
        {
            if (await pictures.GetAsync(image.BlobName!, cancellationToken) is not { } content)
            {
                logger.LogWarning("Picture {Blob} of article {ArticleId} is gone from storage; the bulletin goes without it", image.BlobName, article.Id);
                continue;
            }

            loaded.Add(new BulletinPicture(image.Position, image.BlobName!.Replace('/', '-'), image.ContentType ?? "image/jpeg", content,
                image.Width, image.Height, image.Caption, image.Alt));
        }

        return loaded;
    }

    /// <summary>Archives the month's draft as a new version when its content changed and, with <paramref name="notify"/>, tells the editors when its selection changed.</summary>
    public async Task<PublishResult> PublishAsync(BulletinMonth month, bool notify, CancellationToken cancellationToken)
    {
        var rendered = await PreviewAsync(month, cancellationToken);
        var (record, isNew) = await ArchiveAsync(month, rendered, cancellationToken);
        var version = record.Latest!;
        logger.LogInformation("Bulletin {Month} issue {Issue}: draft version {Version} ({State}), {Count} articles",
            month, record.IssueNumber, version.Version, isNew ? "new" : "unchanged", version.ArticleCount);

        var noticeOutcome = MailOutcome.NotRequested;
        if (notify && record.Stage == BulletinStage.Draft)
        {
            (record, noticeOutcome) = await notice.SendIfChangedAsync(record, rendered, cancellationToken);
        }

        return Result(record, version, isNew, rendered, MailOutcome.NotRequested) with { Notice = noticeOutcome };
    }

    /// <summary>
    /// An editor approves what they previewed: <paramref name="expectedHash"/> is the plan's content hash (null only
    /// for the automatic approval). The approved version goes to the readers once; approving it again sends nothing.
    /// </summary>
    public async Task<ApprovalResult> ApproveAsync(BulletinMonth month, string? expectedHash, string editor, bool confirmResend, CancellationToken cancellationToken)
    {
        var rendered = await PreviewAsync(month, cancellationToken);
        if (expectedHash is not null && !string.Equals(expectedHash, rendered.ContentHash, StringComparison.OrdinalIgnoreCase))
        {
            return new ApprovalResult(ApprovalOutcome.Changed, rendered.ContentHash, await bulletins.GetAsync(month, cancellationToken));
        }

        var (record, isNew) = await ArchiveAsync(month, rendered, cancellationToken);
        while (true)
        {
            var version = record.Versions.Last(v => v.ContentHash == rendered.ContentHash);
            if (record.SentVersion > 0 && record.Versions.First(v => v.Version == record.SentVersion).ContentHash == rendered.ContentHash)
            {
                return new ApprovalResult(ApprovalOutcome.AlreadySent, rendered.ContentHash, record,
                    Result(record, version, isNew, rendered, new MailOutcome(MailState.AlreadySent)));
            }

            if (record.SentVersion > 0 && !confirmResend)
            {
                return new ApprovalResult(ApprovalOutcome.NeedsConfirmation, rendered.ContentHash, record);
            }

            if (record.ApprovedVersion != version.Version)
            {
                var approved = record with { ApprovedVersion = version.Version, ApprovedBy = editor, ApprovedAt = clock.GetUtcNow() };
                if (await bulletins.TrySaveAsync(approved, cancellationToken) is not { } saved)
                {
                    // Another run changed the record (a notice, a concurrent approval): read it and decide again.
                    record = await bulletins.GetAsync(month, cancellationToken) ?? throw new InvalidOperationException($"The bulletin record for {month} vanished.");
                    continue;
                }

                record = saved;
                logger.LogInformation("{Editor} approved bulletin {Month} v{Version}", editor, month, version.Version);
            }

            var mail = await mailer.SendOnceAsync(record, rendered, cancellationToken);
            record = await bulletins.GetAsync(month, cancellationToken) ?? record;
            return new ApprovalResult(ApprovalOutcome.Approved, rendered.ContentHash, record, Result(record, version, isNew, rendered, mail));
        }
    }

    /// <summary>
    /// An approved version whose readers' mail failed earlier. While the month still renders to the approved words, send
    /// that rendering (its mail carries the pictures inline); otherwise send the archived bytes, which are what was approved.
    /// </summary>
    private async Task<PublishResult> DistributeApprovedAsync(BulletinRecord record, CancellationToken cancellationToken)
    {
        var approved = record.Approved!;
        var current = await PreviewAsync(record.Month, cancellationToken);
        if (current.ContentHash == approved.ContentHash)
        {
            var sent = await mailer.SendOnceAsync(record, current, cancellationToken);
            record = await bulletins.GetAsync(record.Month, cancellationToken) ?? record;
            return Result(record, approved, isNew: false, current, sent);
        }

        var files = new List<RenderedFile>();
        foreach (var name in approved.BlobNames)
        {
            var content = await archive.ReadAsync(name, cancellationToken)
                ?? throw new InvalidOperationException($"Archived blob {name} of the approved bulletin {record.Month} v{approved.Version} is missing.");
            var renderer = renderers.Single(r => name.EndsWith("." + r.FileExtension, StringComparison.Ordinal));
            files.Add(new RenderedFile(Path.GetFileName(name), renderer.Format, renderer.ContentType, content));
        }

        // The mail names the issue from the document; the archived files carry the words.
        var rendered = new RenderedBulletin(composer.Compose(record.Month, []), files, approved.ContentHash, approved.SelectionHash ?? "");
        var mail = await mailer.SendOnceAsync(record, rendered, cancellationToken);
        record = await bulletins.GetAsync(record.Month, cancellationToken) ?? record;
        return new PublishResult(record.Month, record.IssueNumber, approved.Version, false, approved.ArticleCount, approved.BlobNames, files, mail, record.Stage);
    }

    private async Task<(BulletinRecord Record, bool IsNew)> ArchiveAsync(BulletinMonth month, RenderedBulletin rendered, CancellationToken cancellationToken)
    {
        var record = await bulletins.GetAsync(month, cancellationToken)
            ?? new BulletinRecord { Month = month, IssueNumber = rendered.Document.IssueNumber };
        return record.Latest?.ContentHash == rendered.ContentHash
            ? (record, false)
            : (await ArchiveNewVersionAsync(record, rendered, cancellationToken), true);
    }

    private static PublishResult Result(BulletinRecord record, BulletinVersion version, bool isNew, RenderedBulletin rendered, MailOutcome mail)
    {
        var files = rendered.Files.Select(f => f with { FileName = VersionedName(rendered.Document, version.Version, f) }).ToList();
        return new PublishResult(record.Month, record.IssueNumber, version.Version, isNew, version.ArticleCount, version.BlobNames, files, mail, record.Stage)
        {
            Pictures = rendered.Pictures,
        };
    }

    private async Task<BulletinRecord> ArchiveNewVersionAsync(BulletinRecord record, RenderedBulletin rendered, CancellationToken cancellationToken)
    {
        while (true)
        {
            var document = rendered.Document;
            var number = (record.Latest?.Version ?? 0) + 1;
            var names = new List<string>();
            // Pictures are named by article, index and bytes: every version shares them, and a re-run finds them written.
            foreach (var picture in rendered.Pictures)
            {
                await archive.WriteAsync($"{document.Month.Year:D4}/{document.Month.Month:D2}/{picture.ArchivePath}", picture.Content, picture.ContentType,
                    new Dictionary<string, string> { ["month"] = document.Month.ToString() }, cancellationToken);
            }

            foreach (var file in rendered.Files)
            {
                // Blobs first, the record last, under names that carry the hash of the words (content-addressed).
                // A crash before the record leaves blobs nobody points to; the retry writes under the same name only
                // if it renders the same words, so a blob a record names always holds that record's words, however the
                // selection changed in between. Also considered: reserving the version in the record before the blobs
                // (a second table write per version, and every reader must skip a reserved version) and comparing
                // hashes on a 409 (a read per conflict, gaps in the numbering, and two live runs can still overwrite
                // each other). The price here: a crashed attempt's blobs stay as orphans, and names are 13 characters longer.
                var name = $"{document.Month.Year:D4}/{document.Month.Month:D2}/{ArchivedName(document, number, rendered.ContentHash, file)}";
                await archive.WriteAsync(name, file.Content, file.ContentType, new Dictionary<string, string>
                {
                    ["issue"] = document.IssueNumber.ToString(),
                    ["month"] = document.Month.ToString(),
                    ["articles"] = document.Items.Count.ToString(),
                    ["version"] = number.ToString(),
                    ["contenthash"] = rendered.ContentHash,
                }, cancellationToken);
                names.Add(name);
            }

            var version = new BulletinVersion(number, rendered.ContentHash, document.Items.Count, names, clock.GetUtcNow(), rendered.SelectionHash);
            if (await bulletins.TrySaveAsync(record with { Versions = [.. record.Versions, version] }, cancellationToken) is { } saved)
            {
                return saved;
            }

            // Another run saved first: if it archived the same content, use its version; else number after it.
            record = await bulletins.GetAsync(record.Month, cancellationToken)
                ?? throw new InvalidOperationException($"The bulletin record for {record.Month} vanished while publishing.");
            if (record.Latest?.ContentHash == rendered.ContentHash)
            {
                return record;
            }
        }
    }

    private static string VersionedName(BulletinDocument document, int version, RenderedFile file) =>
        $"bulletin-{document.IssueNumber:D3}-v{version}{Path.GetExtension(file.FileName)}";

    private static string ArchivedName(BulletinDocument document, int version, string contentHash, RenderedFile file) =>
        $"bulletin-{document.IssueNumber:D3}-v{version}-{contentHash[..12]}{Path.GetExtension(file.FileName)}";

    /// <summary>The stored article as the bulletin prints it: every editor's field wins over what the page said.</summary>
    private static BulletinItem ToItem(StoredArticle article) => new(
        article.EditedTitle ?? article.Title,
        article.EditedMedia ?? article.Media,
        // The canonical form: tracking parameters and fragments have no place in a circulated bulletin.
        article.CanonicalUrl,
        article.EditedDate is { } date ? BulletinMonth.BeijingStartOf(date) : article.PublishedAt,
        article.EditedSummary is { } summary
            ? summary.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : article.Paragraphs)
    {
        // 来源 stays the page's own credit when an editor corrects only the 媒体 (an account → its platform).
        Credit = article.EditedCredit ?? article.Media,
    };
}
