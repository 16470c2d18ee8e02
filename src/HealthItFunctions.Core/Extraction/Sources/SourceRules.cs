using System.Xml.XPath;
using HealthItFunctions.Core.Extraction.Dates;
using HealthItFunctions.Core.Extraction.Generic;
using HealthItFunctions.Core.Html;

namespace HealthItFunctions.Core.Extraction.Sources;

/// <summary>Applies a catalogued source's detail-page XPaths. Rules that stop matching just leave the field to the next layer.</summary>
internal static class SourceRules
{
    public static void RemoveNodes(HtmlDom document, DetailRules rules)
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
        OfferTitle(page, rules.Title, rule, draft);
        foreach (var xpath in rules.PublishTime)
        {
            if (FirstText(page, [xpath]) is { } time && parser.ParseOnPage(time.Text, page) is { } parsed)
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

    /// <summary>
    /// A site's title XPath (often "//h1") also matches promotional or channel headings when the layout changes; the
    /// page's own &lt;title&gt; and og:title name the article, so the first matched heading that agrees with them is taken,
    /// and none at all when none agrees (the generic title step then decides). An element pinned by id is the template's
    /// own headline slot and is trusted: share titles (og:title) are often shortened by editors.
    /// </summary>
    private static void OfferTitle(PageContext page, IReadOnlyList<string> xpaths, string rule, ExtractionDraft draft)
    {
        CommentFinder.Mark(page.Index);
        string?[] references = [page.TitleTag, page.Meta("og:title"), page.Meta("twitter:title")];
        var squashed = references.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => TextUtil.Squash(r!)).ToList();
        foreach (var xpath in xpaths)
        {
            var (path, attribute) = SplitAttribute(xpath);
            var pinned = path.Contains("@id", StringComparison.Ordinal);
            foreach (var node in Select(page, path))
            {
                if (page.Index.FindOrAncestor(node) is { InComment: true })
                {
                    continue;
                }

                var text = attribute is not null ? node.GetAttributeValue(attribute, null) : page.Index.TextOf(node);
                if (string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }

                if (attribute is null && !pinned && squashed.Count > 0 && !squashed.Any(r => TitleAgreement.Agrees(TextUtil.Squash(text), r)))
                {
                    draft.RefuseTitle(text, rule, "refused: agrees with neither <title> nor og:title");
                    continue;
                }

                draft.OfferTitle(text, rule, page.Index.Find(node));
                return;
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

    /// <summary>
    /// The first non-empty match. Class-based paths ("//*[contains(@class,'author')]//*[contains(@class,'name')]") also
    /// match inside comment threads, whose commenters are neither the source nor the author, so those are skipped.
    /// </summary>
    private static (string Text, NodeInfo? Node)? FirstText(PageContext page, IReadOnlyList<string> xpaths)
    {
        CommentFinder.Mark(page.Index);
        foreach (var xpath in xpaths)
        {
            var (path, attribute) = SplitAttribute(xpath);
            foreach (var node in Select(page, path))
            {
                if (page.Index.FindOrAncestor(node) is { InComment: true })
                {
                    continue;
                }

                var text = attribute is not null ? node.GetAttributeValue(attribute, null) : page.Index.TextOf(node);
                if (!string.IsNullOrWhiteSpace(text))
                {
                    return (text, page.Index.Find(node));
                }
            }
        }

        return null;
    }

    private static IEnumerable<DomNode> Select(PageContext page, string xpath) =>
        page.Document.DocumentNode.SelectNodes(xpath);

    /// <summary>A rule selects elements, not attributes: "…/meta[@name='x']/@content" is split into path and attribute.</summary>
    private static (string Path, string? Attribute) SplitAttribute(string xpath)
    {
        var slash = xpath.LastIndexOf("/@", StringComparison.Ordinal);
        return slash > 0 && xpath.IndexOfAny(['[', ']', '/'], slash + 2) < 0 ? (xpath[..slash], xpath[(slash + 2)..]) : (xpath, null);
    }
}
