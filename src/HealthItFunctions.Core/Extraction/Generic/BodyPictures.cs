using System.Text.RegularExpressions;
using HealthItFunctions.Core.Images;
using HtmlAgilityPack;

namespace HealthItFunctions.Core.Extraction.Generic;

/// <summary>
/// Places the body's pictures among the cleaned paragraphs and takes their captions out of the text. A caption is
/// the short line right under a picture that its markup sets apart: a figcaption or caption-classed element
/// (WordPress's wp-caption-text, figure/figcaption), the picture's own block (&lt;p&gt;&lt;img&gt;&lt;br&gt;说明&lt;/p&gt;), or a
/// centred line under a centred picture, the way WeChat and news CMS editors set captions. A line that merely
/// follows a picture (a subheading, the next paragraph) stays text.
/// </summary>
internal static partial class BodyPictures
{
    public static (List<string> Paragraphs, List<BodyImage> Images) Place(CollectedBody raw, IReadOnlyList<string> cleaned)
    {
        if (raw.Pictures.Count == 0)
        {
            return ([.. cleaned], []);
        }

        var captions = new Dictionary<int, string>();
        foreach (var picture in raw.Pictures)
        {
            var next = picture.RawIndex;
            if (next < raw.Paragraphs.Count && !captions.ContainsKey(next) && !raw.Pictures.Any(p => p != picture && p.RawIndex == next && p.Node.StreamPosition > picture.Node.StreamPosition)
                && IsCaption(raw.Paragraphs[next], raw.Origins[next], picture.Node))
            {
                captions[next] = raw.Paragraphs[next];
            }
        }

        var rawIndexOf = MapToRaw(raw.Paragraphs, cleaned);
        var paragraphs = new List<string>(cleaned.Count);
        var keptRaw = new List<int>(cleaned.Count);
        for (var i = 0; i < cleaned.Count; i++)
        {
            if (!captions.ContainsKey(rawIndexOf[i]))
            {
                paragraphs.Add(cleaned[i]);
                keptRaw.Add(rawIndexOf[i]);
            }
        }

        var images = raw.Pictures
            .Select(p => new BodyImage(
                keptRaw.Count(r => r < p.RawIndex),
                p.Url,
                p.Alt,
                captions.TryGetValue(p.RawIndex, out var caption) ? caption : null))
            .ToList();
        return (paragraphs, images);
    }

    /// <summary>
    /// The raw index each cleaned paragraph came from. Cleaning only drops lines (and may trim one), so a forward
    /// walk finds each; a trimmed line is matched by containment and an unmatched one shares its predecessor's place.
    /// </summary>
    private static int[] MapToRaw(IReadOnlyList<string> raw, IReadOnlyList<string> cleaned)
    {
        var map = new int[cleaned.Count];
        var cursor = 0;
        for (var i = 0; i < cleaned.Count; i++)
        {
            var found = -1;
            for (var j = cursor; j < raw.Count && found < 0; j++)
            {
                if (raw[j] == cleaned[i])
                {
                    found = j;
                }
            }

            for (var j = cursor; j < raw.Count && found < 0; j++)
            {
                if (raw[j].Contains(cleaned[i], StringComparison.Ordinal))
                {
                    found = j;
                }
            }

            map[i] = found >= 0 ? found : Math.Max(cursor - 1, 0);
            cursor = found >= 0 ? found + 1 : cursor;
        }

        return map;
    }

    private static bool IsCaption(string text, HtmlNode? origin, HtmlNode picture)
    {
        if (origin is null || text.Length > ExtractionTuning.Default.BodyMaxCaptionLength)
        {
            return false;
        }

        if (HasCaptionMarkup(origin))
        {
            return true;
        }

        var textBlock = BlockOf(origin);
        var pictureBlock = BlockOf(picture);
        if (textBlock is not null && textBlock == pictureBlock)
        {
            return !EndsSentence(text);
        }

        return !EndsSentence(text) && IsCentred(origin) && IsCentred(picture) && !IsWhollyBold(origin, textBlock);
    }

    private static bool HasCaptionMarkup(HtmlNode node)
    {
        var steps = 0;
        for (var current = node.ParentNode; current is not null && steps < ExtractionTuning.Default.BodyMaxCaptionAncestorSteps; current = current.ParentNode, steps++)
        {
            if (current.Name == "figcaption" || CaptionName().IsMatch(current.GetAttributeValue("class", "") + " " + current.GetAttributeValue("id", "")))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsCentred(HtmlNode node)
    {
        var steps = 0;
        for (var current = node.ParentNode; current is not null && steps < ExtractionTuning.Default.BodyMaxCaptionAncestorSteps; current = current.ParentNode, steps++)
        {
            if (current.Name is "center" || current.GetAttributeValue("align", "").Equals("center", StringComparison.OrdinalIgnoreCase)
                || CentredStyle().IsMatch(current.GetAttributeValue("style", "")))
            {
                return true;
            }

            if (IsBlockName(current.Name) && current.Name is not ("p" or "span" or "section"))
            {
                break;
            }
        }

        return false;
    }

    /// <summary>A centred bold line under a picture is a subheading set off by the picture, not a caption.</summary>
    private static bool IsWhollyBold(HtmlNode origin, HtmlNode? block)
    {
        for (var current = origin.ParentNode; current is not null && current != block; current = current.ParentNode)
        {
            if (current.Name is "strong" or "b" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6")
            {
                return TextUtil.Collapse(current.InnerText).Length >= TextUtil.Collapse(origin.InnerText).Length;
            }
        }

        return block?.Name is "h1" or "h2" or "h3" or "h4" or "h5" or "h6";
    }

    private static HtmlNode? BlockOf(HtmlNode node)
    {
        for (var current = node.ParentNode; current is not null; current = current.ParentNode)
        {
            if (IsBlockName(current.Name))
            {
                return current;
            }
        }

        return null;
    }

    private static bool IsBlockName(string name) => name is "p" or "div" or "section" or "figure" or "figcaption" or "li" or "td" or "blockquote"
        or "article" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "center" or "body";

    private static bool EndsSentence(string text) => text.Length > 0 && text[^1] is '。' or '！' or '？' or '；' or '!' or '?' or ';' or '：' or ':';

    [GeneratedRegex(@"caption|(?:img|pic|image|photo)[-_]?(?:desc|text|title|note|info|intro)|(?:desc|note)[-_]?(?:img|pic)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CaptionName();

    [GeneratedRegex(@"text-align\s*:\s*center", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CentredStyle();
}
