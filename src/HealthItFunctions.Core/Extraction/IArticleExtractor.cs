namespace HealthItFunctions.Core.Extraction;

/// <summary>Turns one decoded HTML page into an article, or says why it is not one.</summary>
public interface IArticleExtractor
{
    ExtractionResult Extract(HtmlPage page);

    /// <summary>The same, timing each step into <paramref name="profile"/> when given.</summary>
    ExtractionResult Extract(HtmlPage page, ExtractionProfile? profile) => Extract(page);
}

/// <summary>
/// A decoded page. <paramref name="FetchedAt"/> anchors relative and year-less dates (昨天, 3小时前, 3月18日); null
/// means unknown (a saved page), and then such dates yield no publish time instead of one guessed against today.
/// </summary>
public sealed record HtmlPage(string Html, Uri? Url = null, DateTimeOffset? FetchedAt = null);
