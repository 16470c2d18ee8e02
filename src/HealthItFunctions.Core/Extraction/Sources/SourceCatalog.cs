using System.Text.Json;
using System.Text.Json.Serialization;

namespace HealthItFunctions.Core.Extraction.Sources;

/// <summary>The sources operators follow, as kept in seeds/sources.json (schema: seeds/sources.schema.json).</summary>
public sealed record SourceCatalog(IReadOnlyList<SourceDefinition> Sources)
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        // "html-list", "rss", "atom" in the file.
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
    };

    public static SourceCatalog Empty { get; } = new([]);

    public static SourceCatalog Parse(string json)
    {
        var file = JsonSerializer.Deserialize<SourceCatalogFile>(json, JsonOptions)
            ?? throw new InvalidDataException("The sources file is empty.");
        foreach (var source in file.Sources)
        {
            if (string.IsNullOrWhiteSpace(source.Id) || string.IsNullOrWhiteSpace(source.Media) || source.Hosts.Count == 0)
            {
                throw new InvalidDataException($"Source '{source.Id}' needs an id, a media name and at least one host.");
            }

            SourceRules.Validate(source);
        }

        return new SourceCatalog(file.Sources);
    }

    /// <summary>The first source whose host pattern matches the URL's host.</summary>
    public SourceDefinition? Match(Uri? url)
    {
        if (url is null)
        {
            return null;
        }

        foreach (var source in Sources)
        {
            foreach (var pattern in source.Hosts)
            {
                if (HostMatches(url.Host, pattern))
                {
                    return source;
                }
            }
        }

        return null;
    }

    /// <summary>"example.com" matches only that host; "*.example.com" also matches every subdomain.</summary>
    internal static bool HostMatches(string host, string pattern)
    {
        if (pattern.StartsWith("*.", StringComparison.Ordinal))
        {
            var root = pattern[2..];
            return host.Equals(root, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + root, StringComparison.OrdinalIgnoreCase);
        }

        return host.Equals(pattern, StringComparison.OrdinalIgnoreCase);
    }

    private sealed record SourceCatalogFile
    {
        [JsonPropertyName("$schema")]
        public string? Schema { get; init; }

        public int Version { get; init; }

        public List<SourceDefinition> Sources { get; init; } = [];
    }
}

public sealed record SourceDefinition
{
    public required string Id { get; init; }

    /// <summary>The media name exactly as the bulletin prints it (媒体).</summary>
    public required string Media { get; init; }

    public IReadOnlyList<string> Hosts { get; init; } = [];

    public string? Homepage { get; init; }

    public string? Notes { get; init; }

    /// <summary>
    /// Rank as an original when reprints of one story are clustered: the highest authority is primary, the earliest
    /// among equals. Unset is 0, below every source given a value.
    /// </summary>
    public int Authority { get; init; }

    public DetailRules? Detail { get; init; }

    /// <summary>The site's own canonical-URL rule (e.g. HIT专家网 drops the query), applied on top of the generic one.</summary>
    public HealthItFunctions.Core.Urls.CanonicalUrlRule? Canonical { get; init; }

    /// <summary>Where new links are found; a source without it is used for extraction only.</summary>
    public ListRules? List { get; init; }

    /// <summary>Disabled sources stay in the file (e.g. a WeChat bridge whose feed URL is not filled in yet) but are not polled.</summary>
    public bool Enabled { get; init; } = true;

    public bool IsPollable => Enabled && List is { StartUrls.Count: > 0 };

    /// <summary>Where each rule's facts were seen (other crawlers, stored pages), so an operator knows what rests on what.</summary>
    public IReadOnlyList<SourceEvidence> Evidence { get; init; } = [];

    /// <summary>
    /// The rules this source has that no evidence entry covers: "list", "detail", "canonical" (a rule counts when the
    /// source sets it). Such a rule is a guess until someone cites where its facts were seen.
    /// </summary>
    public IReadOnlyList<string> UnverifiedRules()
    {
        var present = new List<string>();
        if (List is not null)
        {
            present.Add(SourceEvidence.ListRule);
        }

        if (Detail is not null)
        {
            present.Add(SourceEvidence.DetailRule);
        }

        if (Canonical is not null)
        {
            present.Add(SourceEvidence.CanonicalRule);
        }

        return present.Where(rule => !Evidence.Any(e => e.Covers.Contains(rule, StringComparer.Ordinal))).ToList();
    }
}

/// <summary>
/// One fact a source's rules rely on and where it was seen: e.g. covers ["list"], what "rows ul.branch_list_ul li",
/// seen "DIYgod/RSSHub lib/routes/...", year 2024.
/// </summary>
public sealed record SourceEvidence
{
    public const string ListRule = "list";
    public const string DetailRule = "detail";
    public const string CanonicalRule = "canonical";

    public static IReadOnlyList<string> Rules { get; } = [ListRule, DetailRule, CanonicalRule];

    /// <summary>Which of the source's rules this supports: "list", "detail", "canonical".</summary>
    public IReadOnlyList<string> Covers { get; init; } = [];

    /// <summary>The fact relied on.</summary>
    public string What { get; init; } = "";

    /// <summary>Where it was seen: a repository and path, or a page address.</summary>
    public string Seen { get; init; } = "";

    /// <summary>The year it was seen in that place (how fresh the fact is).</summary>
    public int Year { get; init; }
}

public enum ListKind
{
    HtmlList,
    Rss,
    Atom,

    /// <summary>JSON Feed 1.x (bridges such as wechat2rss and WeRSS serve it); any feed kind reads RSS, Atom or JSON Feed alike.</summary>
    JsonFeed,

    /// <summary>A JSON endpoint (GET or POST) read with <see cref="ListRules.Items"/> and <see cref="ListRules.Fields"/> JSON Pointers.</summary>
    Json,

    /// <summary>An HTML page whose &lt;link rel="alternate"&gt; feeds are polled instead of the page itself.</summary>
    Discover,
}

/// <summary>
/// The list side of a source: pages or feeds to poll and, for HTML lists, how to find article links on them.
/// Row-relative XPaths keep a link and its date together when the list shows both.
/// </summary>
public sealed record ListRules
{
    public ListKind Kind { get; init; } = ListKind.HtmlList;

    public IReadOnlyList<string> StartUrls { get; init; } = [];

    /// <summary>XPath selecting one node per list row (optional; without it every <see cref="Link"/> match is a row).</summary>
    public string? Rows { get; init; }

    /// <summary>XPath of the article's &lt;a&gt;, relative to the row when <see cref="Rows"/> is set.</summary>
    public string Link { get; init; } = ".//a[@href]";

    /// <summary>Only links whose absolute URL matches this regex are articles (drops paging and category links).</summary>
    public string? UrlPattern { get; init; }

    /// <summary>XPath of the list date, relative to the row (optional).</summary>
    public string? Date { get; init; }

    /// <summary>json: "GET" (default) or "POST".</summary>
    public string? Method { get; init; }

    /// <summary>json: the POST body as sent ({page} is replaced when paging by template).</summary>
    public string? Body { get; init; }

    /// <summary>json: the POST body's media type (default application/json).</summary>
    public string? ContentType { get; init; }

    /// <summary>json: RFC 6901 JSON Pointer to the array of items; "" is the root array.</summary>
    public string? Items { get; init; }

    /// <summary>json: JSON Pointers inside one item.</summary>
    public JsonListFields? Fields { get; init; }

    /// <summary>html-list: also poll the feeds the page announces with &lt;link rel="alternate"&gt;.</summary>
    public bool DiscoverFeeds { get; init; }

    /// <summary>How to reach older pages of the list; used by backfill only (polls read the first page).</summary>
    public ListPaging? Paging { get; init; }

    public bool IsPost => string.Equals(Method, "POST", StringComparison.OrdinalIgnoreCase);

    public bool IsFeed => Kind is ListKind.Rss or ListKind.Atom or ListKind.JsonFeed;
}

/// <summary>Where a json list item keeps its title, URL and date (JSON Pointers relative to the item).</summary>
public sealed record JsonListFields
{
    public string? Title { get; init; }

    public string Url { get; init; } = "/url";

    /// <summary>
    /// For items with an id and no link: the URL with JSON Pointers in braces, e.g. "https://news.qq.com/rain/a/{/id}".
    /// When set, it builds the URL and <see cref="Url"/> is not read.
    /// </summary>
    public string? UrlTemplate { get; init; }

    /// <summary>Text dates in the usual forms, or unix seconds / milliseconds (a number or a digit string).</summary>
    public string? Date { get; init; }
}

/// <summary>
/// Older pages of a list: either the page's own next-page link (<see cref="Next"/>, html-list) or a URL/body template
/// whose {page} runs from <see cref="First"/>.
/// </summary>
public sealed record ListPaging
{
    /// <summary>XPath of the next-page &lt;a&gt; on an html-list page.</summary>
    public string? Next { get; init; }

    /// <summary>A page URL with {page}, e.g. https://example/list_{page}.html; for a POST list, {page} may sit in the body instead.</summary>
    public string? Template { get; init; }

    /// <summary>The {page} value of the second page (the start URL is the first).</summary>
    public int First { get; init; } = 2;

    /// <summary>Stop after this many pages, whatever the dates say.</summary>
    public int MaxPages { get; init; } = 50;
}

/// <summary>
/// XPaths for a detail page. Each field lists alternatives tried in order, so a redesign can be covered by adding a
/// selector. A trailing /@attr reads that attribute instead of the element's text.
/// </summary>
public sealed record DetailRules
{
    public IReadOnlyList<string> Title { get; init; } = [];

    public IReadOnlyList<string> PublishTime { get; init; } = [];

    public IReadOnlyList<string> Source { get; init; } = [];

    public IReadOnlyList<string> Author { get; init; } = [];

    public IReadOnlyList<string> Body { get; init; } = [];

    /// <summary>Nodes dropped before any extraction (share bars, related lists, QR codes).</summary>
    public IReadOnlyList<string> Remove { get; init; } = [];
}
