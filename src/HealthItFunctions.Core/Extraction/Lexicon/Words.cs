using System.Text.RegularExpressions;

namespace HealthItFunctions.Core.Extraction.Lexicon;

/// <summary>Turns lexicon word lists into regex alternations: escaped, and longest first so "来源于" wins over "来源".</summary>
internal static class Words
{
    public const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.Compiled;

    /// <summary>A non-capturing alternation of the words: <c>(?:来源于|来源|…)</c>.</summary>
    public static string Alt(params IEnumerable<string>[] lists) =>
        "(?:" + string.Join("|", lists.SelectMany(l => l).Distinct(StringComparer.Ordinal)
            .OrderByDescending(w => w.Length).ThenBy(w => w, StringComparer.Ordinal).Select(Regex.Escape)) + ")";

    public static Regex Compile(string pattern, RegexOptions extra = RegexOptions.None) => new(pattern, Options | extra);

    /// <summary>Whether <paramref name="text"/> starts with one of the words.</summary>
    public static bool StartsWithAny(this IReadOnlyList<string> words, ReadOnlySpan<char> text)
    {
        foreach (var word in words)
        {
            if (text.StartsWith(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
