namespace HealthItFunctions.Core.Dedup;

/// <summary>
/// What is stored per article to find its reprints without reading bodies: two independent 64-bit SimHashes (a 128-bit
/// fingerprint: a cheap popcount prefilter) and a MinHash sketch of the shingle set (the deciding Jaccard estimate).
/// </summary>
/// <param name="Fingerprint2">0 for an article stored before the second fingerprint existed.</param>
/// <param name="Sketch">Empty for an article stored before sketches existed; such pairs fall back to the 64-bit rule.</param>
/// <param name="Shingles">How many distinct shingles the sketch summarises; 0 on rows stored before it existed. With the
/// Jaccard estimate it gives the containment of the shorter text in the longer (an excerpt reprint).</param>
public sealed record DedupSignature(ulong Fingerprint, ulong Fingerprint2, byte[] Sketch, int Shingles = 0)
{
    /// <summary>The signature of an article stored before <see cref="Fingerprint2"/> and <see cref="Sketch"/> existed.</summary>
    public static DedupSignature Legacy(ulong fingerprint) => new(fingerprint, 0, []);

    /// <summary>Both parts of the second stage are present (old rows have neither).</summary>
    public bool IsComplete => Fingerprint2 != 0 && Sketch.Length > 0;

    /// <summary>The sketch as stored: a base64 string property, read by the same projected query as the fingerprints.</summary>
    public string? SketchText => Sketch.Length == 0 ? null : Convert.ToBase64String(Sketch);

    public static byte[] ParseSketch(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var bytes = new byte[text.Length];
        // A damaged property must not stop ingestion: the pair then falls back to the 64-bit rule.
        return Convert.TryFromBase64String(text, bytes, out var written) ? bytes[..written] : [];
    }

    /// <summary>Hamming distance over both fingerprints, 0..128 (0..64 plus 64 when either lacks the second one).</summary>
    public int Distance128(DedupSignature other) =>
        SimHash.Distance(Fingerprint, other.Fingerprint) + SimHash.Distance(Fingerprint2, other.Fingerprint2);
}
