namespace HealthItFunctions.Infrastructure.Http;

/// <summary>What a list page, article or feed may be served as; anything else (PDF, images, JSON) is skipped with a reason.</summary>
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
    };

    public const string AcceptHeader =
        "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.1";

    public const string ImageAcceptHeader = "image/avif,image/webp,image/png,image/jpeg,image/gif;q=0.9,image/*;q=0.8";

    public static bool IsAccepted(string? mediaType) => mediaType is not null && Accepted.Contains(mediaType);

    /// <summary>A body picture must say it is one; SVG passes here and is refused by the transcoder, with the reason.</summary>
    public static bool IsImage(string? mediaType) => mediaType is not null && mediaType.StartsWith("image/", StringComparison.OrdinalIgnoreCase);

    /// <summary>Servers that send no Content-Type (old government CMSs do) still get read when the body starts like markup.</summary>
    public static bool LooksLikeMarkup(ReadOnlySpan<byte> body)
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

            return b == (byte)'<';
        }

        return false;
    }
}
