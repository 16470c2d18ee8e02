using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using System.Text;

namespace HealthItFunctions.Core.Urls;

/// <summary>
/// One URL per article, whichever link led to it: the canonical form is what the seen-index and the article id hash.
/// Generic steps: lower-case scheme and host, no fragment, no default port, no tracking parameters, sorted query;
/// then the site's <see cref="CanonicalUrlRule"/>.
/// </summary>
public static class UrlCanonicalizer
{
    // Parameters that identify a share, a campaign or a click, never the page. Site-specific noise (WeChat's chksm,
    // scene, ...) belongs in that site's rule, where a keep-list is safer than guessing.
    private static readonly HashSet<string> TrackingParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "spm", "from", "tt_from", "wfr", "fbclid", "gclid", "msclkid", "yclid", "mc_cid", "mc_eid", "_hsenc", "_hsmi",
        "isappinstalled", "sharetoken", "shareid",
    };

    private static readonly string[] TrackingPrefixes = ["utm_", "sharer_", "share_"];

    public static Uri Canonicalize(Uri url, CanonicalUrlRule? siteRule = null)
    {
        if (!url.IsAbsoluteUri)
        {
            throw new ArgumentException($"'{url}' is relative; resolve it against its page first (UrlCanonicalizer.Resolve).", nameof(url));
        }

        url = Rewritten(url, siteRule);
        var host = url.IdnHost.ToLowerInvariant().TrimEnd('.');
        if (siteRule?.HostAliases.TryGetValue(host, out var alias) == true)
        {
            host = alias.ToLowerInvariant();
        }

        var scheme = url.Scheme.ToLowerInvariant();
        var port = url.IsDefaultPort ? -1 : url.Port;
        if (siteRule?.ForceHttps == true && scheme == Uri.UriSchemeHttp)
        {
            scheme = Uri.UriSchemeHttps;
            port = port == 80 ? -1 : port;
        }

        var builder = new UriBuilder(scheme, host, port, url.AbsolutePath)
        {
            Query = CanonicalQuery(url.Query, siteRule),
        };
        return builder.Uri;
    }

    private static Uri Rewritten(Uri url, CanonicalUrlRule? rule)
    {
        foreach (var rewrite in rule?.Rewrite ?? [])
        {
            var regex = Patterns.GetOrAdd(rewrite.Pattern, p => new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
            if (regex.IsMatch(url.AbsoluteUri))
            {
                var result = regex.Replace(url.AbsoluteUri, rewrite.Replacement, 1);
                return Uri.TryCreate(result, UriKind.Absolute, out var rewritten) && rewritten.Scheme is "http" or "https" ? rewritten : url;
            }
        }

        return url;
    }

    private static readonly ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);

    /// <summary>
    /// An href as written in a page (relative, protocol-relative, with entities or stray whitespace) made absolute
    /// against the page's URL; null for links that are not web pages (javascript:, mailto:, a bare "#").
    /// </summary>
    public static Uri? Resolve(Uri baseUrl, string? href)
    {
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }

        var cleaned = WebUtility.HtmlDecode(href).Trim().Replace("\r", "").Replace("\n", "").Replace("\t", "");
        if (cleaned.StartsWith('#') || !Uri.TryCreate(baseUrl, cleaned, out var absolute))
        {
            return null;
        }

        return absolute.Scheme is "http" or "https" ? absolute : null;
    }

    /// <summary><see cref="Resolve"/> then <see cref="Canonicalize"/>: the one call a list-page reader needs.</summary>
    public static Uri? ResolveCanonical(Uri baseUrl, string? href, CanonicalUrlRule? siteRule = null) =>
        Resolve(baseUrl, href) is { } absolute ? Canonicalize(absolute, siteRule) : null;

    private static string CanonicalQuery(string query, CanonicalUrlRule? rule)
    {
        if (rule?.DropQuery == true || query.Length <= 1)
        {
            return "";
        }

        var pairs = query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(parts => (Name: parts[0], Raw: parts.Length == 2 ? parts[0] + "=" + parts[1] : parts[0]))
            .ToList();

        IEnumerable<(string Name, string Raw)> kept;
        if (rule?.KeepQuery is { } keep)
        {
            // Keep-list order, not the link's, so every share of one article agrees.
            kept = keep.SelectMany(name => pairs.Where(pair => Decode(pair.Name) == name).Take(1));
        }
        else
        {
            var extra = rule?.DropParameters ?? [];
            kept = pairs
                .Where(pair => !IsTracking(Decode(pair.Name)) && !extra.Contains(Decode(pair.Name), StringComparer.OrdinalIgnoreCase))
                .OrderBy(pair => pair.Name, StringComparer.Ordinal);
        }

        var result = new StringBuilder();
        foreach (var (_, raw) in kept)
        {
            result.Append(result.Length == 0 ? "" : "&").Append(raw);
        }

        return result.ToString();
    }

    private static bool IsTracking(string name) =>
        TrackingParameters.Contains(name) || TrackingPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    private static string Decode(string name) => Uri.UnescapeDataString(name.Replace('+', ' '));
}
