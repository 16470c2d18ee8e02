using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace HealthItFunctions.Local;

/// <summary>A response as the replay decides it, before it is written to the wire.</summary>
public sealed record ReplayResponse(int Status, string? ContentType, byte[] Body, string? ETag, DateTimeOffset? LastModified);

/// <summary>
/// Maps (host, path, validators) to a response from sites/&lt;host&gt;/&lt;path&gt; and the manifest. Kept apart from
/// Kestrel so the mapping rules read in one place.
/// </summary>
internal sealed class ReplaySite(string sitesDirectory, ReplayManifest manifest)
{
    private const string HtmlUtf8 = "text/html; charset=utf-8";
    private const string RssUtf8 = "application/rss+xml; charset=utf-8";
    private const string TextUtf8 = "text/plain; charset=utf-8";
    private static readonly byte[] PermissiveRobots = Encoding.ASCII.GetBytes("User-agent: *\nAllow: /\n");

    public IReadOnlyList<string> Hosts { get; } = Directory.GetDirectories(sitesDirectory)
        .Select(d => Path.GetFileName(d).ToLowerInvariant())
        .Order(StringComparer.Ordinal)
        .ToArray();

    public ReplayResponse Respond(string host, string path, IReadOnlyList<string> ifNoneMatch, DateTimeOffset? ifModifiedSince)
    {
        host = host.ToLowerInvariant();
        if (!Hosts.Contains(host))
        {
            return Text(404, $"The replay has no site {host}.");
        }

        var route = manifest.Find(host, path);
        var file = FindFile(host, path);
        if (file is null)
        {
            if (path == "/robots.txt")
            {
                return new ReplayResponse(200, TextUtf8, PermissiveRobots, ETagOf(PermissiveRobots), manifest.LastModified);
            }

            return route?.Status is { } status ? Text(status, $"{status} served by replay.json for {host}{path}.") : Text(404, $"Not found: {host}{path}.");
        }

        var bytes = File.ReadAllBytes(file);
        if (route?.Truncate is { } cut && cut < bytes.Length)
        {
            bytes = bytes[..cut];
        }

        var lastModified = manifest.LastModified ?? new DateTimeOffset(File.GetLastWriteTimeUtc(file), TimeSpan.Zero);
        var response = new ReplayResponse(route?.Status ?? 200, route?.ContentType ?? ContentTypeOf(file), bytes, ETagOf(bytes), lastModified);
        return response.Status == 200 && NotModified(response, ifNoneMatch, ifModifiedSince)
            ? response with { Status = 304, Body = [] }
            : response;
    }

    internal static string ContentTypeOf(string file)
    {
        var name = Path.GetFileName(file);
        return Path.GetExtension(name).ToLowerInvariant() switch
        {
            ".html" or ".htm" or ".shtml" => HtmlUtf8,
            ".xml" => RssUtf8,
            ".txt" => TextUtf8,
            ".jpg" or ".jpeg" => "image/jpeg",
            ".png" => "image/png",
            ".gif" => "image/gif",
            ".webp" => "image/webp",
            ".avif" => "image/avif",
            ".svg" => "image/svg+xml",
            _ when name == "feed" => RssUtf8,
            _ => "application/octet-stream",
        };
    }

    /// <summary>
    /// sites/&lt;host&gt;&lt;path&gt;; a path naming a directory (with or without the trailing slash) serves its index.html, as
    /// list URLs such as /xwzx_20031/wnxw/ do on the real sites. Nothing outside the host's folder is reachable.
    /// </summary>
    private string? FindFile(string host, string path)
    {
        var root = Path.GetFullPath(Path.Combine(sitesDirectory, host));
        var relative = Uri.UnescapeDataString(path).TrimStart('/');
        var candidate = Path.GetFullPath(Path.Combine(root, relative));
        if (!candidate.StartsWith(root, StringComparison.Ordinal))
        {
            return null;
        }

        if (!path.EndsWith('/') && File.Exists(candidate))
        {
            return candidate;
        }

        var index = Path.Combine(candidate, "index.html");
        return Directory.Exists(candidate) && File.Exists(index) ? index : null;
    }

    private static bool NotModified(ReplayResponse response, IReadOnlyList<string> ifNoneMatch, DateTimeOffset? ifModifiedSince)
    {
        // RFC 9110 13.1.3: If-None-Match wins over If-Modified-Since when both are sent.
        if (ifNoneMatch.Count > 0)
        {
            return ifNoneMatch
                .SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                .Any(tag => tag == "*" || WithoutWeak(tag) == response.ETag);
        }

        // HTTP dates have whole seconds.
        return ifModifiedSince is { } since && response.LastModified is { } modified
            && modified.ToUnixTimeSeconds() <= since.ToUnixTimeSeconds();
    }

    private static string WithoutWeak(string tag) => tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;

    private static string ETagOf(byte[] bytes) =>
        "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 12)) + "\"";

    private static ReplayResponse Text(int status, string message) =>
        new(status, TextUtf8, Encoding.UTF8.GetBytes(message + "\n"), null, null);

    internal static string HttpDate(DateTimeOffset value) => value.UtcDateTime.ToString("R", CultureInfo.InvariantCulture);
}
