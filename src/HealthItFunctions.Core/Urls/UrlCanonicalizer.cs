using System.Security.Cryptography;
using System.Text;

namespace HealthItFunctions.Core.Urls;

/// <summary>One spelling per article, so the same link found twice is one key.</summary>
public static class UrlCanonicalizer
{
    public static Uri Canonicalize(Uri url)
    {
        var builder = new UriBuilder(url)
        {
            Scheme = url.Scheme.ToLowerInvariant(),
            Host = url.Host.ToLowerInvariant(),
            Fragment = "",
        };
        if (url.IsDefaultPort)
        {
            builder.Port = -1;
        }

        var kept = url.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => !pair.StartsWith("utm_", StringComparison.OrdinalIgnoreCase));
        builder.Query = string.Join('&', kept);
        return builder.Uri;
    }

    /// <summary>Resolves a link as the page that holds it would; null for non-http(s) links (mailto:, javascript:).</summary>
    public static Uri? Resolve(Uri baseUrl, string href)
    {
        if (!Uri.TryCreate(baseUrl, href.Trim(), out var absolute))
        {
            return null;
        }

        return absolute.Scheme is "http" or "https" ? absolute : null;
    }
}

/// <summary>The article's key: a stable hash of its canonical URL, safe as a Table RowKey.</summary>
public static class ArticleId
{
    public static string From(Uri canonicalUrl) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalUrl.AbsoluteUri)).AsSpan(0, 16));
}
