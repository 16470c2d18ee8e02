using System.Text.RegularExpressions;

namespace HealthItFunctions.Core.Urls;

/// <summary>
/// Short links that name the same article as a long one. A site whose canonical rule keeps only some query parameters
/// (WeChat: __biz, mid, idx, sn) identifies its articles by them; a link on that site carrying none of them (WeChat's
/// /s/&lt;token&gt;) is a short form, resolved after the fetch by where it redirected or by the long link its page
/// carries: <c>var msg_link = "…"</c>, og:url, or rel=canonical. The page may itself name only the short link (older
/// pages do), and then the short form stays the id.
/// </summary>
/// <remarks>
/// Evidence (2024-2025): WeChat pages carry <c>var msg_link = "http://mp.weixin.qq.com/s?__biz=…&amp;amp;mid=…&amp;amp;idx=…&amp;amp;sn=…#rd"</c>
/// and og:url, which public crawlers take as the article's link, msg_link first then og:url (code search for
/// "var msg_link", 2026-12: several Python/Java/C# WeChat spiders); some pages carry the short form there instead.
/// </remarks>
public static partial class ShortLinks
{
    public static bool IsShortForm(Uri url, CanonicalUrlRule? rule) =>
        rule?.KeepQuery is { Count: > 0 } keep && !keep.Any(name => HasParameter(url, name));

    /// <summary>The long form of <paramref name="requested"/>, from the redirect's end or the page; null when none is found.</summary>
    public static Uri? Resolve(Uri requested, Uri finalUrl, string html, CanonicalUrlRule rule)
    {
        IEnumerable<string?> candidates =
        [
            finalUrl.AbsoluteUri,
            MsgLink().Match(html) is { Success: true } link ? link.Groups["url"].Value : null,
            OgUrl().Match(html) is { Success: true } og ? og.Groups["url"].Value : null,
            Canonical().Match(html) is { Success: true } canonical ? canonical.Groups["url"].Value : null,
        ];
        var host = UrlCanonicalizer.Canonicalize(requested, rule).Host;
        foreach (var candidate in candidates)
        {
            if (candidate is null || !Uri.TryCreate(Unescape(candidate), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            {
                continue;
            }

            if (UrlCanonicalizer.Canonicalize(url, rule).Host == host && !IsShortForm(url, rule))
            {
                return url;
            }
        }

        return null;
    }

    /// <summary>Script strings write &amp; as "&amp;amp;", "\x26amp;" or "\x26", and '/' as "\/".</summary>
    private static string Unescape(string value) => System.Net.WebUtility.HtmlDecode(
        value.Replace("\\x26", "&", StringComparison.Ordinal).Replace("\\u0026", "&", StringComparison.Ordinal).Replace("\\/", "/", StringComparison.Ordinal)).Trim();

    private static bool HasParameter(Uri url, string name) =>
        url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Any(pair => Uri.UnescapeDataString(pair.Split('=', 2)[0]) == name && pair.Contains('=') && pair.Split('=', 2)[1].Length > 0);

    [GeneratedRegex("""var\s+msg_link\s*=\s*["'](?<url>[^"']+)["']""", RegexOptions.CultureInvariant)]
    private static partial Regex MsgLink();

    [GeneratedRegex("""<meta\s[^>]*property\s*=\s*["']og:url["'][^>]*content\s*=\s*["'](?<url>[^"']+)["']""", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex OgUrl();

    [GeneratedRegex("""<link\s[^>]*rel\s*=\s*["']canonical["'][^>]*href\s*=\s*["'](?<url>[^"']+)["']""", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Canonical();
}
