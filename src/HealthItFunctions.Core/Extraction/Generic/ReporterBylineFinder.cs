using System.Text.RegularExpressions;
using HealthItFunctions.Core.Extraction.Lexicon;

namespace HealthItFunctions.Core.Extraction.Generic;

using static HealthItFunctions.Core.Extraction.Generic.BylineRegions;

/// <summary>The reporter byline (作者, 记者, a signature) between the headline and the text, by <see cref="AuthorGrammar"/>.</summary>
internal static partial class ReporterBylineFinder
{
    /// <summary>
    /// The byline, by the reporter-byline grammar (<see cref="AuthorGrammar"/>): under the headline first, then an
    /// element classed "author" there, then around the body, then a signature closing the text.
    /// </summary>
    public static (string Value, string Rule)? FindAuthor(PageContext page, NodeInfo? title, NodeInfo? body, IReadOnlyList<string> paragraphs)
    {
        var text = page.Index.Text;
        var header = true;
        foreach (var (start, end, isHeader) in Regions(text.Length, title, body))
        {
            if (!isHeader && header && AuthorElement(page, title, body) is { } element)
            {
                return (element, "generic:author-element");
            }

            header = isHeader;
            if (end > start && (ReadLines(page.Vocabulary.Authors, text, start, end) ?? ReadElements(page.Vocabulary.Authors, page.Index, start, end)) is { } found)
            {
                return found;
            }

            if (end > start && BareHeaderName(page.Vocabulary.Authors, text, start, end, isHeader) is { } bare)
            {
                return bare;
            }
        }

        // With no headline element found, the writer's name may open the body itself, alone on its line.
        if (title is null && body is not null && NameLine(page.Vocabulary.Authors, text, body.TextStart, body.TextEnd) is { } opening)
        {
            return opening;
        }

        for (var i = paragraphs.Count - 1; i >= Math.Max(0, paragraphs.Count - ExtractionTuning.Default.BylineSignatureParagraphs); i--)
        {
            if (page.Vocabulary.Authors.Signature(paragraphs[i]) is { } signed)
            {
                return (signed, "generic:signature");
            }
        }

        return null;
    }

    private static (string Value, string Rule)? ReadLines(AuthorGrammar authors, string text, int start, int end)
    {
        var lineStart = start;
        while (lineStart < end)
        {
            var lineEnd = text.IndexOf('\n', lineStart, end - lineStart);
            if (lineEnd < 0)
            {
                lineEnd = end;
            }

            // Bylines are short lines, or the bracketed tail of a paragraph ("……交流。(信报记者 蔡雪婧)").
            var line = text.AsSpan(lineStart, lineEnd - lineStart);
            if (line.Length > 0 && (line.Length <= ExtractionTuning.Default.BylineMaxLine ? authors.Read(line.ToString()) : TailByline(authors, line) ?? LeadByline(authors, line)) is { } found)
            {
                return found;
            }

            lineStart = lineEnd + 1;
        }

        return null;
    }

    /// <summary>
    /// An unlabelled name under the headline: bracketed beside the shown date ("2004年7月16日08:19 [ 黄宇 ]"), or alone
    /// on the first line with prose right below it (essays and forum posts put the writer there).
    /// </summary>
    private static (string Value, string Rule)? BareHeaderName(AuthorGrammar authors, string text, int start, int end, bool header)
    {
        var bracketed = DateBracketName().Match(text, start, end - start);
        if (bracketed.Success && authors.IsBareName(bracketed.Groups["name"].Value))
        {
            return (bracketed.Groups["name"].Value, "generic:dateline-bracket-name");
        }

        if (!header)
        {
            return null;
        }

        return NameLine(authors, text, start, end);
    }

    private static (string Value, string Rule)? NameLine(AuthorGrammar authors, string text, int start, int end)
    {
        var (line, next) = FirstLines(text, start, end);
        return line is not null && next is not null && next.Length >= ExtractionTuning.Default.BylineMinProseLine && authors.IsBareName(line) && !TextUtil.IsCjk(next[^1])
            ? (line, "generic:name-line")
            : null;
    }

    /// <summary>The first two non-blank lines of a region, trimmed.</summary>
    private static (string? First, string? Second) FirstLines(string text, int start, int end)
    {
        string? first = null;
        var lineStart = start;
        while (lineStart < end)
        {
            var lineEnd = text.IndexOf('\n', lineStart, end - lineStart);
            var line = text.AsSpan(lineStart, (lineEnd < 0 ? end : lineEnd) - lineStart).Trim();
            if (!line.IsEmpty)
            {
                if (first is not null)
                {
                    return (first, line.ToString());
                }

                first = line.ToString();
            }

            lineStart = lineEnd < 0 ? end : lineEnd + 1;
        }

        return (first, null);
    }

    /// <summary>
    /// Bylines that start an element but not a line: inline spans run together in the page text
    /// ("2019-09-26 12:11来源：某某网作者：李强"), so a label is anchored at its element's start instead.
    /// </summary>
    private static (string Value, string Rule)? ReadElements(AuthorGrammar authors, DomIndex index, int start, int end)
    {
        var nodes = index.Nodes;
        for (var i = FirstAt(nodes, start); i < nodes.Count && nodes[i].TextStart < end; i++)
        {
            var node = nodes[i];
            if (node.TextLength == 0 || node.TextLength > ExtractionTuning.Default.BylineMaxLine || node.InComment || node.Node.ChildNodes.Count == 0)
            {
                continue;
            }

            if (authors.Read(index.TextOf(node)) is { } found)
            {
                return found;
            }
        }

        return null;
    }


    /// <summary>
    /// A reporter credited in the lead's dateline, before the text begins: "据新华社拉萨电（记者 张三）…",
    /// "本报讯（记者 李四 通讯员 王五）…". The bracket opens within the dateline's reach and holds a reporter credit.
    /// </summary>
    private static (string Name, string Rule)? LeadByline(AuthorGrammar authors, ReadOnlySpan<char> line)
    {
        var open = line.IndexOfAny('（', '(');
        if (open < 0 || open > ExtractionTuning.Default.BylineMaxLeadDateline)
        {
            return null;
        }

        var close = line[open..].IndexOfAny('）', ')');
        return close > 0 && close <= ExtractionTuning.Default.BylineMaxLine && authors.Reporter(line.Slice(open, close + 1).ToString()) is { } name ? (name, "generic:lead-byline") : null;
    }

    private static (string Name, string Rule)? TailByline(AuthorGrammar authors, ReadOnlySpan<char> line)
    {
        var open = line.LastIndexOfAny('（', '(');
        return open >= 0 && line.Length - open <= ExtractionTuning.Default.BylineMaxLine && authors.Reporter(line[open..].ToString()) is { } name ? (name, "generic:reporter-byline") : null;
    }


    /// <summary>An element classed or named "author" between the headline and the body's end, holding just a name.</summary>
    private static string? AuthorElement(PageContext page, NodeInfo? title, NodeInfo? body)
    {
        var index = page.Index;
        var from = title?.TextEnd ?? body?.TextStart ?? 0;
        var to = body?.TextEnd ?? index.Text.Length;
        foreach (var node in index.Nodes)
        {
            // A commenter's name sits in an author-classed element too.
            if (node.TextStart < from || node.TextLength == 0 || node.TextLength > ExtractionTuning.Default.BylineMaxAuthorElement || !node.Node.HasAttributes || node.InComment)
            {
                continue;
            }

            if (node.TextStart >= to)
            {
                break;
            }

            var names = string.Concat(node.Node.Attributes["class"]?.Value, " ", node.Node.Attributes["id"]?.Value, " ", node.Node.Attributes["itemprop"]?.Value);
            if (!AuthorClass().IsMatch(names))
            {
                continue;
            }

            var value = page.Vocabulary.AuthorElementLabel.Replace(index.TextOf(node).Trim(), string.Empty).Trim();
            if (value.Length > ExtractionTuning.Default.BylineMaxRunTogetherName && !value.Contains(' ') && FirstChildName(index, node, value) is { } card)
            {
                value = card;
            }

            if (Clean(page.Vocabulary, value) is { } name && page.Vocabulary.Authors.IsPlausiblePerson(name))
            {
                return name;
            }
        }

        return null;
    }


    /// <summary>
    /// Author cards put the name and a description in sibling elements that run together in the text
    /// ("&lt;a&gt;王文&lt;/a&gt;&lt;span&gt;某某大学研究院执行院长&lt;/span&gt;"): the name is the first child element.
    /// </summary>
    private static string? FirstChildName(DomIndex index, NodeInfo node, string value)
    {
        foreach (var child in node.Node.Descendants())
        {
            if (child.NodeType != HtmlAgilityPack.HtmlNodeType.Element)
            {
                continue;
            }

            var text = index.TextOf(child).Trim();
            if (text.Length >= ExtractionTuning.Default.MinNameLength && text.Length <= ExtractionTuning.Default.BylineMaxRunTogetherName && value.StartsWith(text, StringComparison.Ordinal))
            {
                return text;
            }
        }

        return null;
    }


    [GeneratedRegex(@"(?<![a-z])(?:author|byline|writer)(?!-?(?:card|box|avatar|img|pic|list|head|info|desc|intro|follow))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AuthorClass();

    [GeneratedRegex(@"(?<![0-9])(?:19|20)[0-9]{2}(?:[-/.][0-9]{1,2}[-/.][0-9]{1,2}|年[0-9]{1,2}月[0-9]{1,2}日?)(?:\s{0,2}[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?\s{0,3}[\[【［]\s{0,2}(?<name>[\p{IsCJKUnifiedIdeographs}]{2,4})\s{0,2}[\]】］]", RegexOptions.CultureInvariant)]
    private static partial Regex DateBracketName();
}
