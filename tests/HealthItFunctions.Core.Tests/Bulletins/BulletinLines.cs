using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using HealthItFunctions.Core.Html;
using WordParagraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace HealthItFunctions.Core.Tests.Bulletins;

/// <summary>
/// Line-by-line comparison "modulo whitespace and image placeholders": the hand-made references differ among themselves
/// in spacing, full- versus half-width punctuation, 1、 versus 1., &lt;url&gt; versus a bare url and whether the url
/// sits on the 链接 line or the next one; images became blank lines. Everything else must match.
/// </summary>
internal static partial class BulletinLines
{
    public static IReadOnlyList<string> Normalize(IEnumerable<string> lines)
    {
        var result = new List<string>();
        foreach (var raw in lines)
        {
            var line = Whitespace().Replace(raw, "")
                .Replace('（', '(').Replace('）', ')').Replace('：', ':');
            line = NumberedLine().Replace(line, "$1.");
            line = AngleUrl().Replace(line, "$1");
            if (line.Length == 0)
            {
                continue;
            }

            if (result.Count > 0 && result[^1] == "链接:")
            {
                result[^1] += line;
                continue;
            }

            result.Add(line);
        }

        return JoinItemHeaders(result);
    }

    /// <summary>
    /// The references break an item's header as the page happened to wrap: a long title over two lines, the date and
    /// 来源 on one line or two. The renderer writes the title, then "date 来源:X"; compare those, not the wrapping.
    /// </summary>
    private static List<string> JoinItemHeaders(List<string> lines)
    {
        var result = new List<string>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            result.Add(lines[i]);
            if (lines[i] != "主要内容:")
            {
                continue;
            }

            var dateAt = Enumerable.Range(i + 1, Math.Min(3, lines.Count - i - 1)).FirstOrDefault(j => HeaderDate().IsMatch(lines[j]), -1);
            if (dateAt < 0)
            {
                continue;
            }

            result.Add(string.Concat(lines[(i + 1)..dateAt]));
            var dateLine = lines[dateAt];
            i = dateAt;
            if (!dateLine.Contains("来源:", StringComparison.Ordinal) && i + 1 < lines.Count && lines[i + 1].StartsWith("来源:", StringComparison.Ordinal))
            {
                dateLine += lines[++i];
            }

            result.Add(dateLine);
        }

        return result;
    }

    public static void AssertSame(IEnumerable<string> expected, IEnumerable<string> actual, string what)
    {
        var want = Normalize(expected);
        var got = Normalize(actual);
        for (var i = 0; i < Math.Max(want.Count, got.Count); i++)
        {
            var w = i < want.Count ? want[i] : "<end>";
            var g = i < got.Count ? got[i] : "<end>";
            Assert.True(w == g, $"{what}: normalized line {i + 1} differs.\nreference: {w}\nrendered:  {g}");
        }
    }

    public static IReadOnlyList<string> OfMarkdown(byte[] markdown) => Encoding.UTF8.GetString(markdown).Split('\n');

    /// <summary>Visible text of the HTML body, one line per block element or &lt;br&gt;.</summary>
    public static IReadOnlyList<string> OfHtml(byte[] html)
    {
        var page = HtmlDom.Parse(Encoding.UTF8.GetString(html));
        var text = new StringBuilder();
        Walk(page.DocumentNode.SelectSingleNode("//body") ?? page.DocumentNode, text);
        return text.ToString().Split('\n');
    }

    /// <summary>Text of each body paragraph of a .docx, in order.</summary>
    public static IReadOnlyList<string> OfDocx(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var package = WordprocessingDocument.Open(stream, false);
        return package.MainDocumentPart!.Document!.Body!.Elements<WordParagraph>()
            .Select(p => string.Concat(p.Descendants<WordText>().Select(t => t.Text)))
            .ToArray();
    }

    private static void Walk(DomNode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case { NodeType: DomNodeType.Text } t:
                    text.Append(t.Text.Replace('\n', ' '));
                    break;
                case { Name: "br" }:
                    text.Append('\n');
                    break;
                case { Name: "p" or "h1" or "h2" or "h3" or "div" or "td" or "tr" or "table" }:
                    text.Append('\n');
                    Walk(child, text);
                    text.Append('\n');
                    break;
                default:
                    Walk(child, text);
                    break;
            }
        }
    }

    [GeneratedRegex(@"[\s\u00a0\u3000]+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}")]
    private static partial Regex HeaderDate();

    [GeneratedRegex(@"^(\d+)、")]
    private static partial Regex NumberedLine();

    [GeneratedRegex(@"<(https?://[^>]+)>")]
    private static partial Regex AngleUrl();
}
