using System.Text.Json;

namespace HealthItFunctions.Local;

/// <summary>
/// replay.json beside sites/: the responses that are not plain files (a failing server, a charset header, a page cut
/// off mid-body) and the fixed Last-Modified, so conditional GET behaves the same on every checkout.
/// </summary>
public sealed record ReplayManifest
{
    public const string FileName = "replay.json";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public string? Description { get; init; }

    /// <summary>Last-Modified of every file; when absent, each file's own write time is used.</summary>
    public DateTimeOffset? LastModified { get; init; }

    public IReadOnlyList<ReplayRoute> Routes { get; init; } = [];

    public static ReplayManifest Empty { get; } = new();

    /// <summary>The manifest in <paramref name="replayDirectory"/>, or <see cref="Empty"/> when the directory has none.</summary>
    public static ReplayManifest Load(string replayDirectory)
    {
        var path = Path.Combine(replayDirectory, FileName);
        if (!File.Exists(path))
        {
            return Empty;
        }

        var manifest = JsonSerializer.Deserialize<ReplayManifest>(File.ReadAllText(path), JsonOptions)
            ?? throw new InvalidDataException($"{path} is empty; write {{\"routes\": []}} or delete it.");
        foreach (var route in manifest.Routes)
        {
            if (string.IsNullOrWhiteSpace(route.Host) || !route.Path.StartsWith('/'))
            {
                throw new InvalidDataException($"{path}: every route needs a host and a path starting with '/' (got '{route.Host}', '{route.Path}').");
            }

            if (route.Truncate is < 0)
            {
                throw new InvalidDataException($"{path}: truncate of {route.Host}{route.Path} must be a byte count >= 0.");
            }
        }

        return manifest;
    }

    public ReplayRoute? Find(string host, string path) =>
        Routes.FirstOrDefault(r => r.Host.Equals(host, StringComparison.OrdinalIgnoreCase) && r.Path.Equals(path, StringComparison.Ordinal));
}

/// <summary>One special response. Unset members keep the file's default behaviour.</summary>
public sealed record ReplayRoute
{
    public required string Host { get; init; }

    /// <summary>The request path as sent, without the query.</summary>
    public required string Path { get; init; }

    /// <summary>Status code to answer with; a route with a status and no file answers with a short body.</summary>
    public int? Status { get; init; }

    public string? ContentType { get; init; }

    /// <summary>Serve only the first N bytes of the file (Content-Length says N): a page cut off mid-HTML.</summary>
    public int? Truncate { get; init; }

    /// <summary>Why the route exists; not used by the server.</summary>
    public string? Note { get; init; }
}
