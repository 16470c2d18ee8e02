using System.Text;

namespace HealthItFunctions.Core.Relevance;

/// <summary>Text as the lexicon sees it: NFKC folds full-width forms (５Ｇ, ＡＩ, ＋) to ASCII, and case is ignored.</summary>
internal static class RelevanceText
{
    public static string Normalize(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty : text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();

    public static bool IsAsciiWordChar(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9');
}

/// <summary>
/// Finds one axis's phrases leftmost-longest without overlap, so 北京协和医院 is one hit rather than 北京 + 协和 + 北京协和医院,
/// and an ignore phrase (北京时间) consumes its text so the shorter term inside it does not fire.
/// Latin terms (AI, 5G, PACS) only match as whole words: "ai" must not fire inside "said".
/// </summary>
internal sealed class AxisMatcher
{
    internal enum Kind { Positive, Negative, Ignore }

    internal sealed record Entry(string Text, Kind Kind, double Weight);

    private readonly Dictionary<char, Entry[]> _byFirstChar;

    public AxisMatcher(LexiconAxis axis)
    {
        var entries = axis.Terms.Select(t => new Entry(t.Text, Kind.Positive, t.Weight))
            .Concat(axis.Negative.Select(t => new Entry(t.Text, Kind.Negative, t.Weight)))
            .Concat(axis.Ignore.Select(t => new Entry(t, Kind.Ignore, 0)));
        _byFirstChar = entries
            .GroupBy(e => e.Text[0])
            .ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.Text.Length).ToArray());
    }

    /// <summary>Hit counts per entry in normalized <paramref name="text"/>; ignore entries are not reported.</summary>
    public Dictionary<Entry, int> Count(string text)
    {
        var counts = new Dictionary<Entry, int>();
        var i = 0;
        while (i < text.Length)
        {
            var hit = _byFirstChar.TryGetValue(text[i], out var candidates) ? FirstMatch(text, i, candidates) : null;
            if (hit is null)
            {
                i++;
                continue;
            }

            if (hit.Kind != Kind.Ignore)
            {
                counts[hit] = counts.GetValueOrDefault(hit) + 1;
            }

            i += hit.Text.Length;
        }

        return counts;
    }

    private static Entry? FirstMatch(string text, int start, Entry[] candidates)
    {
        foreach (var entry in candidates)
        {
            if (text.AsSpan(start).StartsWith(entry.Text, StringComparison.Ordinal) && IsWholeWord(text, start, entry.Text))
            {
                return entry;
            }
        }

        return null;
    }

    private static bool IsWholeWord(string text, int start, string term)
    {
        var end = start + term.Length;
        if (RelevanceText.IsAsciiWordChar(term[0]) && start > 0 && RelevanceText.IsAsciiWordChar(text[start - 1]))
        {
            return false;
        }

        return !(RelevanceText.IsAsciiWordChar(term[^1]) && end < text.Length && RelevanceText.IsAsciiWordChar(text[end]));
    }
}
