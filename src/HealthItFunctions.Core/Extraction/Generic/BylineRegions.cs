using System.Text.RegularExpressions;
using HealthItFunctions.Core.Extraction.Lexicon;

namespace HealthItFunctions.Core.Extraction.Generic;

/// <summary>
/// Where credits are looked for: under the headline (the header), then around the body's first block; and the helpers
/// the source-line, reporter-byline, editor and credit finders share.
/// </summary>
internal static partial class BylineRegions
{
    /// <summary>The first node whose text starts at or after <paramref name="from"/>: nodes are in document order.</summary>
    public static int FirstAt(IReadOnlyList<NodeInfo> nodes, int from)
    {
        int lo = 0, hi = nodes.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (nodes[mid].TextStart < from)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>Under the headline (the header), then around the body's first block.</summary>
    public static IEnumerable<(int Start, int End, bool Header)> Regions(int length, NodeInfo? title, NodeInfo? body)
    {
        if (title is not null)
        {
            yield return (title.TextEnd, Math.Min(length, title.TextEnd + ExtractionTuning.Default.BylineHeaderWindow), true);
        }

        if (body is not null)
        {
            yield return (Math.Max(0, body.TextStart - ExtractionTuning.Default.BylineNearBodyWindow), Math.Min(length, body.TextEnd + ExtractionTuning.Default.BylineAfterBodyWindow), false);
        }
    }


    /// <summary>Cuts a following label ("新京报 作者：…") and rejects values that are not names.</summary>
    public static string? Clean(ExtractionVocabulary vocabulary, string value, bool allowDigits = false)
    {
        var cut = vocabulary.NextLabel.Match(value);
        if (cut.Success)
        {
            value = value[..cut.Index];
        }

        value = value.Trim(' ', '-', '|', '/', '　', '·');
        return value.Length >= ExtractionTuning.Default.MinNameLength && value.Length <= ExtractionTuning.Default.BylineMaxAuthorElement && (allowDigits || !value.Any(char.IsDigit)) ? value : null;
    }

    // Names may hold "-" or "·" (某某财经-自媒体综合), Latin words with single spaces (China Daily), a bracketed

    [GeneratedRegex(@"(?<![0-9])(?:19|20)[0-9]{2}(?:[-/.][0-9]{1,2}[-/.][0-9]{1,2}|年[0-9]{1,2}月[0-9]{1,2}日?)(?:\s{0,2}[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?", RegexOptions.CultureInvariant)]
    public static partial Regex HeaderDate();
}
