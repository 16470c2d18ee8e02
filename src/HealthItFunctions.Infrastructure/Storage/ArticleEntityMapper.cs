using System.Text.Json;
using Azure.Data.Tables;
using HealthItFunctions.Core.Articles;
using HealthItFunctions.Core.Relevance;

namespace HealthItFunctions.Infrastructure.Storage;

/// <summary>StoredArticle ⇄ table entity. The body travels separately when it is too large for a property.</summary>
internal static class ArticleEntityMapper
{
    // A string property holds at most 64 KiB of UTF-16; keep a margin for the JSON quoting.
    public const int MaxInlineBodyChars = 30_000;

    public static string SerializeBody(IReadOnlyList<string> paragraphs) => JsonSerializer.Serialize(paragraphs);

    public static TableEntity ToEntity(StoredArticle article, string? bodyJson, string? bodyBlob)
    {
        var entity = new TableEntity(StorageNames.PartitionKey(article.Month), article.Id)
        {
            ["SourceId"] = article.SourceId,
            ["Url"] = article.Url,
            ["CanonicalUrl"] = article.CanonicalUrl,
            ["Title"] = article.Title,
            ["Media"] = article.Media,
            ["PublishedAt"] = article.PublishedAt,
            ["PublishPrecision"] = article.PublishPrecision,
            ["DiscoveredAt"] = article.DiscoveredAt,
            ["FetchedAt"] = article.FetchedAt,
            ["Score"] = article.Score,
            ["Band"] = article.Band.ToString(),
            ["Terms"] = JsonSerializer.Serialize(article.MatchedTerms),
            ["Fingerprint"] = unchecked((long)article.Fingerprint),
            ["Fingerprint2"] = unchecked((long)article.Fingerprint2),
            ["Shingles"] = article.Shingles,
            ["Sketch"] = article.Sketch,
            ["ClusterId"] = article.ClusterId,
            ["Decision"] = article.Decision?.ToString(),
            ["Order"] = article.Order,
            ["EditedTitle"] = article.EditedTitle,
            ["EditedSummary"] = article.EditedSummary,
            ["EditedMedia"] = article.EditedMedia,
            ["EditedCredit"] = article.EditedCredit,
            ["EditedDate"] = article.EditedDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            // Twelve pictures with captions are a few KiB of JSON, far inside a property's 64 KiB.
            ["Images"] = article.Images.Count == 0 ? null : JsonSerializer.Serialize(article.Images),
            ["DroppedImages"] = article.DroppedImages.Count == 0 ? null : JsonSerializer.Serialize(article.DroppedImages),
        };
        if (bodyBlob is not null)
        {
            entity["BodyBlob"] = bodyBlob;
        }
        else
        {
            entity["Body"] = bodyJson;
        }

        return entity;
    }

    public static StoredArticle FromEntity(TableEntity entity, IReadOnlyList<string> paragraphs) => new()
    {
        Id = entity.RowKey,
        Month = StorageNames.MonthOf(entity.PartitionKey),
        SourceId = entity.GetString("SourceId") ?? "",
        Url = entity.GetString("Url") ?? "",
        CanonicalUrl = entity.GetString("CanonicalUrl") ?? "",
        Title = entity.GetString("Title") ?? "",
        Media = entity.GetString("Media") ?? "",
        PublishedAt = entity.GetDateTimeOffset("PublishedAt"),
        PublishPrecision = entity.GetString("PublishPrecision"),
        Paragraphs = paragraphs,
        DiscoveredAt = entity.GetDateTimeOffset("DiscoveredAt") ?? default,
        FetchedAt = entity.GetDateTimeOffset("FetchedAt") ?? default,
        Score = entity.GetDouble("Score") ?? 0,
        Band = Enum.TryParse<RelevanceBand>(entity.GetString("Band"), out var band) ? band : RelevanceBand.Review,
        MatchedTerms = JsonSerializer.Deserialize<List<string>>(entity.GetString("Terms") ?? "[]") ?? [],
        Fingerprint = unchecked((ulong)(entity.GetInt64("Fingerprint") ?? 0)),
        Fingerprint2 = unchecked((ulong)(entity.GetInt64("Fingerprint2") ?? 0)),
        Shingles = entity.GetInt32("Shingles") ?? 0,
        Sketch = entity.GetString("Sketch"),
        ClusterId = entity.GetString("ClusterId") ?? entity.RowKey,
        Decision = Enum.TryParse<EditorDecision>(entity.GetString("Decision"), out var decision) ? decision : null,
        Order = entity.GetInt32("Order"),
        EditedTitle = entity.GetString("EditedTitle"),
        EditedSummary = entity.GetString("EditedSummary"),
        EditedMedia = entity.GetString("EditedMedia"),
        EditedCredit = entity.GetString("EditedCredit"),
        EditedDate = DateOnly.TryParseExact(entity.GetString("EditedDate"), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var date) ? date : null,
        Images = JsonSerializer.Deserialize<List<Core.Images.StoredImage>>(entity.GetString("Images") ?? "[]") ?? [],
        DroppedImages = JsonSerializer.Deserialize<List<int>>(entity.GetString("DroppedImages") ?? "[]") ?? [],
        ETag = entity.ETag.ToString(),
    };

    public static IReadOnlyList<string> InlineBody(TableEntity entity) =>
        JsonSerializer.Deserialize<List<string>>(entity.GetString("Body") ?? "[]") ?? [];

    public static void ApplyEdit(TableEntity entity, ArticleEdit edit)
    {
        if (edit.ResetDecision)
        {
            entity["Decision"] = null;
        }
        else if (edit.Decision is { } decision)
        {
            entity["Decision"] = decision.ToString();
        }

        if (edit.Order is { } order)
        {
            entity["Order"] = order;
        }

        if (edit.Title is { } title)
        {
            entity["EditedTitle"] = title;
        }

        if (edit.Summary is { } summary)
        {
            entity["EditedSummary"] = summary;
        }

        if (edit.Media is { } media)
        {
            entity["EditedMedia"] = media;
        }

        if (edit.Credit is { } credit)
        {
            entity["EditedCredit"] = credit;
        }

        if (edit.Date is { } editedDate)
        {
            entity["EditedDate"] = editedDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }

        if (edit.DroppedImages is { } dropped)
        {
            entity["DroppedImages"] = dropped.Count == 0 ? null : JsonSerializer.Serialize(dropped.Distinct().Order());
        }
    }
}
