using HealthItFunctions.Core.Extraction.Lexicon;

namespace HealthItFunctions.Core.Extraction;

/// <summary>BCP 47 tag from &lt;html lang&gt;, else from the script of the body text (simplified vs traditional by telltale characters).</summary>
internal static class LanguageDetector
{
    public static (string Language, string Rule) Detect(ExtractionVocabulary vocabulary, string? declared, IReadOnlyList<string> paragraphs)
    {
        int cjk = 0, latin = 0, simplified = 0, traditional = 0;
        foreach (var paragraph in paragraphs)
        {
            foreach (var c in paragraph)
            {
                if (TextUtil.IsCjk(c))
                {
                    cjk++;
                    if (vocabulary.SimplifiedOnly.Contains(c))
                    {
                        simplified++;
                    }
                    else if (vocabulary.TraditionalOnly.Contains(c))
                    {
                        traditional++;
                    }
                }
                else if (char.IsAsciiLetter(c))
                {
                    latin++;
                }
            }
        }

        if (Normalize(declared) is { } tag && (cjk == 0 || tag.StartsWith("zh", StringComparison.Ordinal)))
        {
            if (tag == "zh" && cjk > 0)
            {
                return (traditional > simplified ? "zh-TW" : "zh-CN", "html-lang+script");
            }

            return (tag, "html-lang");
        }

        if (cjk == 0 && latin == 0)
        {
            return ("und", "none");
        }

        // Latin letters count per character while Chinese carries a word in one or two: weigh them accordingly.
        if (cjk * ExtractionTuning.Default.LanguageHanPerLatin >= latin)
        {
            return (traditional > simplified ? "zh-TW" : "zh-CN", "script");
        }

        return ("en", "script");
    }

    private static string? Normalize(string? declared)
    {
        if (string.IsNullOrWhiteSpace(declared))
        {
            return null;
        }

        var parts = declared.Trim().Replace('_', '-').Split('-', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            return null;
        }

        var language = parts[0].ToLowerInvariant();
        if (parts.Length == 1)
        {
            return language;
        }

        var region = parts[1].ToLowerInvariant() switch
        {
            "hans" => "CN",
            "hant" => "TW",
            var other => other.ToUpperInvariant(),
        };
        return language + "-" + region;
    }
}
