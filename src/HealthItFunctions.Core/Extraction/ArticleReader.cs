using System.Diagnostics;
using HealthItFunctions.Core.Text;
using Microsoft.Extensions.Options;

namespace HealthItFunctions.Core.Extraction;

/// <summary>
/// Bytes as fetched or saved, through the decoding front door, to an extraction. Polling, the CLI and the
/// preview function all read pages here, so every path decodes exactly alike, and every host refuses a page over
/// Extraction:MaxInputBytes before decoding it.
/// </summary>
public sealed class ArticleReader(IArticleExtractor extractor, IOptions<ExtractionOptions>? options = null)
{
    private readonly long _maxInputBytes = (options?.Value ?? new ExtractionOptions()).MaxInputBytes;

    /// <param name="bytes">The page exactly as received.</param>
    /// <param name="contentType">The HTTP Content-Type header, if any; its charset is one piece of evidence.</param>
    /// <param name="url">Where the page came from: selects source rules and resolves relative links.</param>
    /// <param name="fetchedAt">When it was fetched; null when unknown (a saved page).</param>
    /// <param name="profile">Times each step (decode, parse, layers) when given: <c>benchmark extract --profile</c>.</param>
    public ExtractionResult Read(ReadOnlySpan<byte> bytes, string? contentType = null, Uri? url = null, DateTimeOffset? fetchedAt = null, ExtractionProfile? profile = null)
    {
        if (bytes.Length > _maxInputBytes)
        {
            return ExtractionResult.NotAnArticle(NotArticleReason.OverLimits,
                $"the page is {bytes.Length} bytes, over the {_maxInputBytes}-byte limit (setting Extraction:MaxInputBytes)");
        }

        var start = Stopwatch.GetTimestamp();
        var decoded = HtmlDecoder.Decode(bytes, contentType);
        profile?.Lap("decode", start);
        var page = new HtmlPage(decoded.Text, url, fetchedAt);
        // Unprofiled reads call the port's one required member, so an extractor that implements only Extract(page)
        // (a test double, a custom extractor) never reaches the profiling overload's default.
        var result = profile is null ? extractor.Extract(page) : extractor.Extract(page, profile);
        return result with
        {
            Encoding = decoded.Encoding.WebName,
            EncodingEvidence = decoded.Evidence,
        };
    }
}
