using System.Security.Cryptography;
using HealthItFunctions.Core.Articles;
using HealthItFunctions.Core.Bulletins;
using HealthItFunctions.Core.Bulletins.Rendering;
using HealthItFunctions.Core.Images;
using Microsoft.Extensions.Logging;

namespace HealthItFunctions.Core.Publishing;

public sealed record RenderedFile(string FileName, BulletinFormat Format, string ContentType, byte[] Content);

public sealed record RenderedBulletin(BulletinDocument Document, IReadOnlyList<RenderedFile> Files, string ContentHash)
{
    /// <summary>The HTML for the mail body, its pictures as cid: parts; null when no HTML renderer is registered.</summary>
    public string? MailHtml { get; init; }

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
    MailOutcome Mail)
{
    /// <summary>The pictures, for a copy of the files on disk: they go under images/ beside them.</summary>
    public IReadOnlyList<BulletinPicture> Pictures { get; init; } = [];
}

/// <summary>
/// PublishBulletin and `healthit publish`: the month's selected articles → the three formats → a version in the
/// archive (only when the content changed) → one mail per version.
/// </summary>
public sealed class BulletinPublisher(
    IArticleStore articles,
    BulletinComposer composer,
    IEnumerable<IBulletinRenderer> renderers,
    IBulletinArchive archive,
    IBulletinStore bulletins,
    BulletinMailer mailer,
    IArticleImageStore pictures,
    TimeProvider clock,
    ILogger<BulletinPublisher> logger)
{
    /// <summary>
    /// The month-end run: publishes the Beijing month before now unless it already has a version. The timer fires
    /// daily, so a run missed at month end (downtime) is made up the next day; later versions come from editors.
    /// </summary>
    public async Task<PublishResult?> PublishPreviousMonthAsync(CancellationToken cancellationToken)
    {
        var month = BulletinMonth.BeijingMonthOf(clock.GetUtcNow()).Previous;
        if (await bulletins.GetAsync(month, cancellationToken) is { Latest: not null } existing && existing.SentVersion >= existing.Latest.Version)
        {
            logger.LogDebug("Bulletin {Month} is already published and mailed", month);
            return null;
        }

        return await PublishAsync(month, sendMail: true, cancellationToken);
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
        var mailHtml = renderers.OfType<HtmlBulletinRenderer>().FirstOrDefault()?.RenderForMail(document);
        return new RenderedBulletin(document, files, hash) { MailHtml = mailHtml is null ? null : System.Text.Encoding.UTF8.GetString(mailHtml) };
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

    public async Task<PublishResult> PublishAsync(BulletinMonth month, bool sendMail, CancellationToken cancellationToken)
    {
        var rendered = await PreviewAsync(month, cancellationToken);
        var document = rendered.Document;
        var record = await bulletins.GetAsync(month, cancellationToken)
            ?? new BulletinRecord { Month = month, IssueNumber = document.IssueNumber };

        var isNew = record.Latest?.ContentHash != rendered.ContentHash;
        if (isNew)
        {
            record = await ArchiveNewVersionAsync(record, rendered, cancellationToken);
        }

        var version = record.Latest!;
        logger.LogInformation("Bulletin {Month} issue {Issue}: version {Version} ({State}), {Count} articles",
            month, document.IssueNumber, version.Version, isNew ? "new" : "unchanged", version.ArticleCount);

        var mail = sendMail ? await mailer.SendOnceAsync(record, rendered, cancellationToken) : MailOutcome.NotRequested;
        var files = rendered.Files.Select(f => f with { FileName = VersionedName(document, version.Version, f) }).ToList();
        return new PublishResult(month, document.IssueNumber, version.Version, isNew, version.ArticleCount, version.BlobNames, files, mail)
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
                // Blobs first, under names that depend only on the version: a crash before the record is saved
                // leaves files the retry overwrites with identical bytes, never a record pointing nowhere.
                var name = $"{document.Month.Year:D4}/{document.Month.Month:D2}/{VersionedName(document, number, file)}";
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

            var version = new BulletinVersion(number, rendered.ContentHash, document.Items.Count, names, clock.GetUtcNow());
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

    private static BulletinItem ToItem(StoredArticle article) => new(
        article.EditedTitle ?? article.Title,
        article.Media,
        // The canonical form: tracking parameters and fragments have no place in a circulated bulletin.
        article.CanonicalUrl,
        article.PublishedAt,
        article.EditedSummary is { } summary
            ? summary.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : article.Paragraphs);
}
