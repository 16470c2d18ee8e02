using HealthItFunctions.Testing;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using HealthItFunctions.Core.Text;

namespace HealthItFunctions.Core.Tests.Text;

/// <summary>Runs the decoder over every dev-corpus page and checks it against the truth's encoding facts and text.</summary>
public partial class HtmlDecoderCorpusTests
{
    // The most frequent hanzi in news prose; mojibake (UTF-8 read as GBK or the reverse) almost never produces them.
    private const string CommonHanzi = "的一是不了在人有我他这中大来上国个到说们为子和你地出道也时年以会发新日月";

    private static readonly string[] TextFields = ["title", "content", "content_must_contain", "description", "excerpt", "dek", "content_first_words"];

    // The corpus path is the argument, so a skip names it in the default `dotnet test` output.
    public static TheoryData<string> Corpus => new(DevCorpus.Directory);

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Decode_EveryCorpusPage_MatchesTruthEncodingAndText(string corpus)
    {
        var dir = ZhNewsDevCorpus.RequireDirectory(corpus);
        var failures = new List<string>();
        var pages = 0;

        foreach (var (id, truth) in ZhNewsDevCorpus.Truths(dir))
        {
            pages++;
            var bytes = ZhNewsDevCorpus.PageBytes(dir, id);
            var decoded = HtmlDecoder.Decode(bytes);
            var problem = Check(truth, bytes, decoded);
            if (problem is not null)
            {
                failures.Add($"{id}: {problem} [evidence {decoded.Evidence}]");
            }
        }

        Assert.True(pages > 0, "no truth files found");
        Assert.True(failures.Count == 0, $"{failures.Count}/{pages} pages decoded wrongly:\n" + string.Join('\n', failures));
    }

    private static string? Check(JsonElement truth, byte[] bytes, DecodedHtml decoded)
    {
        var encoding = truth.GetProperty("encoding");
        var decodesAs = encoding.GetProperty("decodes_as").GetString() ?? string.Empty;
        var expectUtf8 = decodesAs.StartsWith("utf-8", StringComparison.Ordinal);
        var gotUtf8 = decoded.Encoding.CodePage == Encoding.UTF8.CodePage;
        if (expectUtf8 != gotUtf8 || (!expectUtf8 && decoded.Encoding.CodePage != 54936))
        {
            return $"expected {decodesAs}, got {decoded.Encoding.WebName}";
        }

        // Replacement characters may only come from the page itself (a literal U+FFFD in UTF-8 bytes) or from the
        // invalid sequences the truth records for lenient GB pages.
        var replacements = decoded.Text.AsSpan().Count('\uFFFD');
        var allowed = expectUtf8 ? bytes.AsSpan().Count("\uFFFD"u8) : LenientCount(decodesAs);
        if (replacements != allowed)
        {
            return $"{replacements} U+FFFD, expected {allowed}";
        }

        var snippets = TruthSnippets(truth).Take(5).ToList();
        if (snippets.Count > 0 && !snippets.Any(s => decoded.Text.Contains(s, StringComparison.Ordinal)))
        {
            return $"none of the truth snippets found: {string.Join(" | ", snippets)}";
        }

        var (common, hanzi) = CommonHanziRatio(decoded.Text);
        if (hanzi < 20 || common * 20 < hanzi)
        {
            return $"text does not read as Chinese ({common}/{hanzi} common hanzi)";
        }

        return null;
    }

    /// <summary>"gb18030 (lenient: 12 invalid sequences)" → 12.</summary>
    private static int LenientCount(string decodesAs)
    {
        var m = LenientRegex().Match(decodesAs);
        return m.Success ? int.Parse(m.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    /// <summary>Runs of at least four hanzi from the truth text fields, cut to eight (tags and entities rarely split these).</summary>
    private static IEnumerable<string> TruthSnippets(JsonElement truth)
    {
        foreach (var field in TextFields)
        {
            if (!truth.TryGetProperty(field, out var value))
            {
                continue;
            }

            foreach (var text in Strings(value))
            {
                foreach (Match run in HanziRunRegex().Matches(text))
                {
                    yield return run.Value.Length > 8 ? run.Value[..8] : run.Value;
                }
            }
        }
    }

    private static IEnumerable<string> Strings(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                yield return value.GetString()!;
                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    foreach (var s in Strings(item))
                    {
                        yield return s;
                    }
                }

                break;
        }
    }

    private static (int Common, int Hanzi) CommonHanziRatio(string text)
    {
        int common = 0, hanzi = 0;
        foreach (var c in text)
        {
            if (c is >= '\u4E00' and <= '\u9FFF')
            {
                hanzi++;
                if (CommonHanzi.Contains(c, StringComparison.Ordinal))
                {
                    common++;
                }
            }
        }

        return (common, hanzi);
    }

    [GeneratedRegex(@"lenient: (\d+)")]
    private static partial Regex LenientRegex();

    [GeneratedRegex(@"[\u4E00-\u9FFF]{4,}")]
    private static partial Regex HanziRunRegex();
}
