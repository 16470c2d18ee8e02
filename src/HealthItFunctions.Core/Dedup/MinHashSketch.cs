namespace HealthItFunctions.Core.Dedup;

/// <summary>
/// A b-bit MinHash sketch (b = 8) of a text's shingle set: slot k keeps the low byte of the smallest k-th salted hash.
/// Two texts' slots agree with probability J + (1 − J)/256, J their Jaccard similarity, so the share of agreeing slots
/// estimates J directly. Unlike SimHash distance it is a set measure, so it tells "the same story with a paragraph cut"
/// (high J) from "another story told with the same stock phrases" (low J) where SimHash bits blur the two.
/// </summary>
/// <remarks>One byte a slot keeps the sketch small enough to store as a short base64 property read by the one projected
/// fingerprint query: <see cref="DefaultSlots"/> = 256 bytes is 344 characters.</remarks>
public static class MinHashSketch
{
    public const int DefaultSlots = 256;

    private const double ChanceAgreement = 1.0 / 256;

    /// <summary>The sketch of <paramref name="text"/> after <see cref="SimHash"/>'s normalization; empty text gives an empty sketch.</summary>
    public static byte[] Compute(string? text, int shingleSize = SimHash.DefaultShingleSize, int slots = DefaultSlots)
    {
        var shingles = SimHash.ShingleHashes(DedupText.Normalize(text), shingleSize);
        return shingles.Length == 0 ? [] : FromShingles(shingles, slots);
    }

    internal static byte[] FromShingles(IReadOnlyList<ulong> shingles, int slots = DefaultSlots)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        var minima = new ulong[slots];
        Array.Fill(minima, ulong.MaxValue);
        foreach (var shingle in shingles)
        {
            for (var k = 0; k < minima.Length; k++)
            {
                var hash = SimHash.Mix(shingle ^ Salt(k));
                if (hash < minima[k])
                {
                    minima[k] = hash;
                }
            }
        }

        return [.. minima.Select(m => (byte)m)];
    }

    /// <summary>Estimated Jaccard similarity of the two sketched sets, in [0, 1]; sketches of different lengths compare their common prefix.</summary>
    public static double Similarity(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        var slots = Math.Min(a.Length, b.Length);
        if (slots == 0)
        {
            return 0;
        }

        var agree = 0;
        for (var k = 0; k < slots; k++)
        {
            agree += a[k] == b[k] ? 1 : 0;
        }

        return CorrectForChance((double)agree / slots);
    }

    /// <summary>The Jaccard estimate from a share of agreeing slots: one-byte slots also agree by chance 1 time in 256.</summary>
    internal static double CorrectForChance(double agreeingShare) => Math.Clamp((agreeingShare - ChanceAgreement) / (1 - ChanceAgreement), 0, 1);

    /// <summary>
    /// Estimated share of the smaller set's shingles that the larger one holds, from the Jaccard estimate and the two
    /// set sizes: |A∩B| = J(|A|+|B|)/(1+J). An excerpt (a site runs the lead third of a story) has containment near 1
    /// while its Jaccard similarity is only about its share of the original.
    /// </summary>
    public static double Containment(double jaccard, int sizeA, int sizeB)
    {
        var smaller = Math.Min(sizeA, sizeB);
        return smaller <= 0 ? 0 : Math.Clamp(jaccard * (sizeA + sizeB) / ((1 + jaccard) * smaller), 0, 1);
    }

    // Distinct per slot and far from the SimHash salts; the golden-ratio step spreads them over the 64 bits.
    private static ulong Salt(int slot) => 0x632BE59BD9B4E019UL + ((ulong)slot + 1) * 0x9E3779B97F4A7C15UL;
}
