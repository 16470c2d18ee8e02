using System.Text.RegularExpressions;
using HealthItFunctions.Core.Extraction.Dates;

namespace HealthItFunctions.Core.Extraction;

/// <summary>
/// Fields found so far. Layers run from most to least specific and each setter keeps the first value, so a
/// per-source rule beats a page-family rule, which beats the generic extractor.
/// </summary>
internal sealed partial class ExtractionDraft
{
    public Dictionary<ArticleField, string> Rules { get; } = [];

    public string? Title { get; private set; }

    public NodeInfo? TitleNode { get; set; }

    public PublishTime? PublishTime { get; private set; }

    public string? Source { get; private set; }

    public string? Author { get; private set; }

    public IReadOnlyList<NodeInfo>? Body { get; private set; }

    public void OfferTitle(string? value, string rule, NodeInfo? node = null)
    {
        if (Title is null && Clean(value) is { } title)
        {
            Title = title;
            TitleNode ??= node;
            Rules[ArticleField.Title] = rule;
        }
    }

    public void OfferPublishTime(PublishTime? value, string rule)
    {
        if (PublishTime is null && value is not null)
        {
            PublishTime = value;
            Rules[ArticleField.PublishTime] = rule;
        }
    }

    public void OfferSource(string? value, string rule)
    {
        if (Source is null && Clean(value) is { } labelled && SourceLabel().Replace(labelled, string.Empty) is { Length: > 0 } source)
        {
            Source = source;
            Rules[ArticleField.Source] = rule;
        }
    }

    public void OfferAuthor(string? value, string rule)
    {
        // Meta "author" often holds an e-mail, a template placeholder or the CMS vendor ("Discuz! Team"), never a byline.
        if (Author is null && Clean(value) is { } author && author.IndexOfAny(['@', '!', ',']) < 0)
        {
            Author = author;
            Rules[ArticleField.Author] = rule;
        }
    }

    public void OfferBody(IReadOnlyList<NodeInfo> nodes, string rule)
    {
        if (Body is null && nodes.Count > 0)
        {
            Body = nodes;
            Rules[ArticleField.Body] = rule;
        }
    }

    /// <summary>Drops a body that turned out empty so a later layer can offer one.</summary>
    public void RejectBody()
    {
        Body = null;
        Rules.Remove(ArticleField.Body);
    }

    private static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var collapsed = TextUtil.Collapse(value);
        return collapsed.Length == 0 ? null : collapsed;
    }

    /// <summary>Selectors often catch the label with the name ("来源：新华社").</summary>
    [GeneratedRegex(@"^(?:来源|稿源|出处|文章来源|信息来源)\s*[:：]\s*", RegexOptions.CultureInvariant)]
    private static partial Regex SourceLabel();
}
