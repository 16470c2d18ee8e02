using System.Numerics;
using System.Text;
using System.Text.RegularExpressions;

namespace HealthItFunctions.Core.Dedup;

/// <summary>
/// 64-bit SimHash (Charikar) of a text's character n-gram shingles. Chinese has no spaces, so shingles are characters,
/// not words; the text is normalized first so reprints that differ only in layout, punctuation, full-width forms or a
/// 来源/责任编辑 line hash alike. n = <see cref="DefaultShingleSize"/> was chosen by <c>healthit-bench dedupe</c>.
/// </summary>
public static class SimHash
{
    public const int DefaultShingleSize = 6;

    public static ulong Compute(string? text) => Compute(text, DefaultShingleSize);

    public static ulong Compute(string? text, int shingleSize) => Compute(text, shingleSize, salt: 0);

    /// <summary>
    /// The SimHash under a salted shingle hash: two salts give two independent 64-bit fingerprints of one text, whose
    /// summed distance has half the relative spread of one (see <see cref="NearDuplicateDetector"/>).
    /// </summary>
    public static ulong Compute(string? text, int shingleSize, ulong salt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shingleSize, 1);
        return FromShingles(ShingleHashes(DedupText.Normalize(text), shingleSize), salt);
    }

    public static int Distance(ulong a, ulong b) => BitOperations.PopCount(a ^ b);

    /// <summary>One hash per character n-gram of already normalized text, in order (repeats kept: SimHash weighs by count).</summary>
    internal static ulong[] ShingleHashes(string normalized, int shingleSize)
    {
        if (normalized.Length == 0)
        {
            return [];
        }

        var span = normalized.AsSpan();
        var count = Math.Max(1, span.Length - shingleSize + 1);
        var hashes = new ulong[count];
        for (var i = 0; i < count; i++)
        {
            hashes[i] = Hash(span.Slice(i, Math.Min(shingleSize, span.Length - i)));
        }

        return hashes;
    }

    internal static ulong FromShingles(IReadOnlyList<ulong> shingles, ulong salt)
    {
        if (shingles.Count == 0)
        {
            return 0;
        }

        Span<int> votes = stackalloc int[64];
        foreach (var shingle in shingles)
        {
            var hash = salt == 0 ? shingle : Mix(shingle ^ salt);
            for (var bit = 0; bit < 64; bit++)
            {
                votes[bit] += ((hash >> bit) & 1) == 1 ? 1 : -1;
            }
        }

        ulong fingerprint = 0;
        for (var bit = 0; bit < 64; bit++)
        {
            if (votes[bit] > 0)
            {
                fingerprint |= 1UL << bit;
            }
        }

        return fingerprint;
    }

    /// <summary>The SplitMix64 finalizer: every output bit depends on every input bit.</summary>
    internal static ulong Mix(ulong hash)
    {
        hash = (hash ^ (hash >> 30)) * 0xBF58476D1CE4E5B9UL;
        hash = (hash ^ (hash >> 27)) * 0x94D049BB133111EBUL;
        return hash ^ (hash >> 31);
    }

    /// <summary>
    /// FNV-1a over the UTF-16 code units, then the SplitMix64 finalizer: FNV alone leaves the high bits of short inputs
    /// poorly mixed, and SimHash needs every bit to be a fair coin.
    /// </summary>
    private static ulong Hash(ReadOnlySpan<char> shingle)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in shingle)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return Mix(hash);
    }
}

/// <summary>What a reprint is allowed to change without being a different story.</summary>
internal static partial class DedupText
{
    /// <summary>
    /// Short lines that carry a reprint's own furniture (source, editor, share buttons) rather than the story.
    /// Only lines shorter than <see cref="MaxBoilerplateLine"/> are dropped, so a sentence that mentions 来源 survives.
    /// </summary>
    private static readonly string[] BoilerplateMarkers =
    [
        "来源：", "来源:", "责任编辑", "编辑：", "编辑:", "作者：", "作者:", "记者：", "原标题", "本文来源", "转载", "声明：",
        "版权", "扫码", "关注我们", "关注公众号", "点击", "阅读原文", "发布时间", "发布日期", "字号", "打印本页", "分享到", "纠错",
        "图片来源", "审核：", "校对：", "供稿：", "欢迎转发", "更多精彩",
    ];

    /// <summary>The dateline a reprint rewrites or drops: 本报讯（记者 李明）, 新华社北京8月1日电（记者 …）.</summary>
    [GeneratedRegex(@"^\S{0,16}?(讯|电)\s*[（(]记者[^）)]{0,30}[）)]")]
    private static partial Regex Dateline();

    private const int MaxBoilerplateLine = 60;

    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var result = new StringBuilder(text.Length);
        foreach (var rawLine in text.Normalize(NormalizationForm.FormKC).Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length < MaxBoilerplateLine && BoilerplateMarkers.Any(m => line.Contains(m, StringComparison.Ordinal)))
            {
                continue;
            }

            foreach (var c in Dateline().Replace(line, string.Empty, 1))
            {
                if (char.IsLetterOrDigit(c))
                {
                    result.Append(char.ToLowerInvariant(c));
                }
            }
        }

        return result.ToString();
    }
}
