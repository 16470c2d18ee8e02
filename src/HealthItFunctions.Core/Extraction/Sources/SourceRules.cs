using System.Xml.XPath;
using HealthItFunctions.Core.Extraction.Dates;
using HtmlAgilityPack;

namespace HealthItFunctions.Core.Extraction.Sources;

/// <summary>Applies a catalogued source's detail-page XPaths. Rules that stop matching just leave the field to the next layer.</summary>
internal static class SourceRules
{
    public static void RemoveNodes(HtmlDocument document, DetailRules rules)
    {
        foreach (var xpath in rules.Remove)
        {
            if (document.DocumentNode.SelectNodes(xpath) is { } nodes)
            {
                foreach (var node in nodes)
                {
                    node.Remove();
                }
            }
        }
    }

    public static void Contribute(PageContext page, SourceDefinition source, PublishTimeParser parser, ExtractionDraft draft)
    {
        if (source.Detail is not { } rules)
        {
            return;
        }

        var rule = "source:" + source.Id;
        if (FirstText(page, rules.Title) is { } title)
        {
            draft.OfferTitle(title.Text, rule, title.Node);
        }

        foreach (var xpath in rules.PublishTime)
        {
            if (FirstText(page, [xpath]) is { } time && parser.Parse(time.Text, page.FetchedAt) is { } parsed)
            {
                draft.OfferPublishTime(parsed, rule);
                break;
            }
        }

        draft.OfferSource(FirstText(page, rules.Source)?.Text, rule);
        draft.OfferAuthor(FirstText(page, rules.Author)?.Text, rule);
        foreach (var xpath in rules.Body)
        {
            var nodes = Select(page, xpath).Select(n => page.Index.Find(n)).OfType<NodeInfo>().ToList();
            if (nodes.Count > 0)
            {
                draft.OfferBody(nodes, rule);
                break;
            }
        }
    }

    /// <summary>Throws on a malformed XPath so a bad seeds file fails at load, not silently per page.</summary>
    public static void Validate(SourceDefinition source)
    {
        if (source.Detail is not { } rules)
        {
            return;
        }

        foreach (var xpath in rules.Title.Concat(rules.PublishTime).Concat(rules.Source).Concat(rules.Author).Concat(rules.Body).Concat(rules.Remove))
        {
            try
            {
                XPathExpression.Compile(SplitAttribute(xpath).Path);
            }
            catch (XPathException e)
            {
                throw new InvalidDataException($"Source '{source.Id}': invalid XPath '{xpath}': {e.Message}", e);
            }
        }
    }

    private static (string Text, NodeInfo? Node)? FirstText(PageContext page, IReadOnlyList<string> xpaths)
    {
        foreach (var xpath in xpaths)
        {
            var (path, attribute) = SplitAttribute(xpath);
            foreach (var node in Select(page, path))
            {
                var text = attribute is not null ? node.GetAttributeValue(attribute, null) : page.Index.TextOf(node);
                if (!string.IsNullOrWhiteSpace(text))
                {
                    return (HtmlEntity.DeEntitize(text), page.Index.Find(node));
                }
            }
        }

        return null;
    }

    private static IEnumerable<HtmlNode> Select(PageContext page, string xpath) =>
        page.Document.DocumentNode.SelectNodes(xpath) ?? Enumerable.Empty<HtmlNode>();

    /// <summary>HtmlAgilityPack selects elements, not attributes: "…/meta[@name='x']/@content" is split into path and attribute.</summary>
    private static (string Path, string? Attribute) SplitAttribute(string xpath)
    {
        var slash = xpath.LastIndexOf("/@", StringComparison.Ordinal);
        return slash > 0 && xpath.IndexOfAny(['[', ']', '/'], slash + 2) < 0 ? (xpath[..slash], xpath[(slash + 2)..]) : (xpath, null);
    }
}
