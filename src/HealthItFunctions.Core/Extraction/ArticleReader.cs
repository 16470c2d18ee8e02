using System.Diagnostics;
using HealthItFunctions.Core.Text;

namespace HealthItFunctions.Core.Extraction;

/// <summary>
/// Bytes as fetched or saved, through the decoding front door, to an extraction. Polling, the CLI and the
/// preview function all read pages here, so every path decodes exactly alike.
/// </summary>
public sealed class ArticleReader(IArticleExtractor extractor)
{
    /// <param name="bytes">The page exactly as received.</param>
    /// <param name="contentType">The HTTP Content-Type header, if any; its charset is one piece of evidence.</param>
    /// <param name="url">Where the page came from: selects source rules and resolves relative links.</param>
    /// <param name="fetchedAt">When it was fetched; null when unknown (a saved page).</param>
    /// <param name="profile">Times each step (decode, parse, layers) when given: <c>benchmark extract --profile</c>.</param>
    public ExtractionResult Read(ReadOnlySpan<byte> bytes, string? contentType = null, Uri? url = null, DateTimeOffset? fetchedAt = null, ExtractionProfile? profile = null)
    {
        var start = Stopwatch.GetTimestamp();
        var decoded = HtmlDecoder.Decode(bytes, contentType);
        profile?.Lap("decode", start);
        return extractor.Extract(new HtmlPage(decoded.Text, url, fetchedAt), profile) with
        {
            Encoding = decoded.Encoding.WebName,
            EncodingEvidence = decoded.Evidence,
        };
    }
}
