using HealthItFunctions.Core.Extraction.Dates;

namespace HealthItFunctions.Core.Extraction;

public enum ArticleField
{
    Title,
    PublishTime,
    Source,
    Media,
    Author,
    Body,
    Images,
    Language,
}

public enum NotArticleReason
{
    /// <summary>No visible text at all.</summary>
    EmptyPage,

    /// <summary>Captcha, 环境异常 or another anti-bot wall instead of the page.</summary>
    Blocked,

    /// <summary>The publisher removed the article (该内容已被发布者删除 and similar).</summary>
    Deleted,

    /// <summary>Text exists but no block reads like an article body (lists, navigation, portals).</summary>
    NoMainContent,
}

/// <summary>The extracted fields plus, per field, the rule that produced it (for debugging bad pages).</summary>
public sealed record ExtractedArticle
{
    public required string Title { get; init; }

    public PublishTime? PublishTime { get; init; }

    /// <summary>The 来源 shown on the page (the account name for WeChat).</summary>
    public string? Source { get; init; }

    /// <summary>The media name as the bulletin prints it, when the page belongs to a catalogued source.</summary>
    public string? Media { get; init; }

    /// <summary>Who published it, as far as we know: the page's own 来源, else the catalogued media name.</summary>
    public string? Publisher => Source ?? Media;

    public string? Author { get; init; }

    public required IReadOnlyList<string> Paragraphs { get; init; }

    public IReadOnlyList<string> LeadImages { get; init; } = [];

    /// <summary>The body's pictures in order, each placed among <see cref="Paragraphs"/>, with alt text and caption.</summary>
    public IReadOnlyList<Images.BodyImage> Images { get; init; } = [];

    public required string Language { get; init; }

    public required IReadOnlyDictionary<ArticleField, string> Rules { get; init; }

    public string Content => string.Join('\n', Paragraphs);

    /// <summary>Every value the layers offered per field, in the order offered, and which one won (for <c>healthit explain</c>).</summary>
    public IReadOnlyList<FieldCandidate> Candidates { get; init; } = [];
}

/// <summary>A value one rule offered for a field, and what became of it: <see cref="Won"/>, "lost to …", "refined by …", "refused: …".</summary>
public sealed record FieldCandidate(ArticleField Field, string Value, string Rule, string Outcome)
{
    public const string Won = "won";

    public bool IsWinner => Outcome == Won;
}

public sealed record ExtractionResult
{
    private ExtractionResult(ExtractedArticle? article, NotArticleReason? reason, string? detail)
    {
        Article = article;
        Reason = reason;
        Detail = detail;
    }

    public ExtractedArticle? Article { get; }

    public NotArticleReason? Reason { get; }

    /// <summary>Human-readable explanation when the page is not an article.</summary>
    public string? Detail { get; }

    public bool IsArticle => Article is not null;

    /// <summary>The encoding the page's bytes were decoded with (web name), when they came through <see cref="ArticleReader"/>.</summary>
    public string? Encoding { get; init; }

    /// <summary>What decided <see cref="Encoding"/>: "utf8-valid", "meta:gb2312", "mixed:utf-8(…)+gb18030(…)", "sniff:gb18030; ignored meta:utf-8".</summary>
    public string? EncodingEvidence { get; init; }

    public static ExtractionResult Success(ExtractedArticle article) => new(article, null, null);

    public static ExtractionResult NotAnArticle(NotArticleReason reason, string detail) => new(null, reason, detail);
}
