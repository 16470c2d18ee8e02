namespace HealthItFunctions.Core.Urls;

/// <summary>
/// A site's own canonical-URL rule, on top of the generic one (sources.json may carry it per source).
/// Shaped for JSON: every member has a harmless default.
/// </summary>
public sealed record CanonicalUrlRule
{
    /// <summary>HIT专家网 (WordPress): articles are /&lt;id&gt;.html and every query string is noise.</summary>
    public static CanonicalUrlRule Hit180 { get; } = new() { DropQuery = true };

    /// <summary>WeChat: an article is __biz+mid+idx+sn, or the short /s/&lt;id&gt; form; chksm, scene and the rest are per-share noise.</summary>
    public static CanonicalUrlRule WeChat { get; } = new() { KeepQuery = ["__biz", "mid", "idx", "sn"], ForceHttps = true };

    /// <summary>Drop the whole query string.</summary>
    public bool DropQuery { get; init; }

    /// <summary>When set, only these query parameters survive (in this order); everything else is dropped.</summary>
    public IReadOnlyList<string>? KeepQuery { get; init; }

    /// <summary>Extra parameters to drop for this site, beyond the generic tracking list.</summary>
    public IReadOnlyList<string> DropParameters { get; init; } = [];

    /// <summary>Host aliases, e.g. "m.example.cn" → "www.example.cn", so mobile and desktop links are one article.</summary>
    public IReadOnlyDictionary<string, string> HostAliases { get; init; } = new Dictionary<string, string>();

    /// <summary>The site serves the same page over both schemes: settle on https.</summary>
    public bool ForceHttps { get; init; }

    /// <summary>
    /// Regex rewrites of the whole absolute URL, tried in order before the other steps (the first that matches wins), for
    /// one article under several paths, e.g. qq's omn/YYYYMMDD/&lt;id&gt;.html and rain/a/&lt;id&gt;.
    /// </summary>
    public IReadOnlyList<UrlRewrite> Rewrite { get; init; } = [];
}

/// <param name="Pattern">.NET regex over the absolute URL.</param>
/// <param name="Replacement">Its replacement ($1, ${name}); the result must be an absolute http(s) URL.</param>
public sealed record UrlRewrite(string Pattern, string Replacement);
