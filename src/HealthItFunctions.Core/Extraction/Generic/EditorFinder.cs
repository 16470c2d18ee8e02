using System.Text.RegularExpressions;
using HealthItFunctions.Core.Extraction.Lexicon;

namespace HealthItFunctions.Core.Extraction.Generic;

using static HealthItFunctions.Core.Extraction.Generic.BylineRegions;

/// <summary>The editor's credit (责任编辑): the last author candidate, for pages that name no writer.</summary>
internal static class EditorFinder
{
    /// <summary>
    /// The editor credit under the headline, around the body or just after it: offered only as the last author
    /// candidate, for pages that name no writer.
    /// </summary>
    public static (string Value, string Rule)? FindEditor(PageContext page, NodeInfo? title, NodeInfo? body, NodeInfo? last)
    {
        var text = page.Index.Text;
        foreach (var (start, end, _) in Regions(text.Length, title, body))
        {
            if (end > start && page.Vocabulary.Authors.Editor(text, start, end - start) is { } editor)
            {
                return (editor, "generic:editor-fallback");
            }
        }

        if (last is not null)
        {
            var from = last.TextEnd;
            var to = Math.Min(text.Length, from + ExtractionTuning.Default.BylineEditorAfterBody);
            if (to > from && page.Vocabulary.Authors.Editor(text, from, to - from) is { } after)
            {
                return (after, "generic:editor-fallback");
            }
        }

        return null;
    }

}
