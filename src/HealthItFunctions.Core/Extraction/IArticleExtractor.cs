namespace HealthItFunctions.Core.Extraction;

/// <summary>Turns one decoded HTML page into an article, or says why it is not one.</summary>
public interface IArticleExtractor
{
    ExtractionResult Extract(HtmlPage page);
}

/// <summary>A decoded page. <paramref name="FetchedAt"/> anchors relative dates such as 昨天; null means "now".</summary>
public sealed record HtmlPage(string Html, Uri? Url = null, DateTimeOffset? FetchedAt = null);
