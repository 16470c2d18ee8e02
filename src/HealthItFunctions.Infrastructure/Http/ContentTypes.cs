namespace HealthItFunctions.Infrastructure.Http;

/// <summary>What a list page, article, feed or JSON list may be served as; anything else (PDF, images) is skipped with a reason.</summary>
internal static class ContentTypes
{
    private static readonly HashSet<string> Accepted = new(StringComparer.OrdinalIgnoreCase)
    {
        "text/html",
        "application/xhtml+xml",
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
        // JSON lists (gov.cn's list JSON, sina's roll API) and JSON Feed bridges; JSONP answers come as script types.
        "application/json",
        "text/json",
        "application/feed+json",
        "application/javascript",
        "text/javascript",
    };

    public const string AcceptHeader =
        "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,application/json;q=0.9,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.1";

    public const string ImageAcceptHeader = "image/avif,image/webp,image/png,image/jpeg,image/gif;q=0.9,image/*;q=0.8";

    public static bool IsAccepted(string? mediaType) => mediaType is not null && Accepted.Contains(mediaType);

    /// <summary>A body picture must say it is one; SVG passes here and is refused by the transcoder, with the reason.</summary>
    public static bool IsImage(string? mediaType) => mediaType is not null && mediaType.StartsWith("image/", StringComparison.OrdinalIgnoreCase);

    /// <summary>Servers that send no Content-Type (old government CMSs do) still get read when the body starts like markup or JSON.</summary>
    public static bool LooksLikeDocument(ReadOnlySpan<byte> body)
    {
        if (body.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            body = body[3..];
        }

        foreach (var b in body)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                continue;
            }

            return b is (byte)'<' or (byte)'{' or (byte)'[';
        }

        return false;
    }
}
