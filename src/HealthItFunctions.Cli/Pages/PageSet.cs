using System.Text.Json;

namespace HealthItFunctions.Cli.Pages;

/// <summary>A directory of saved pages named &lt;id&gt;.html, with URLs from an index.jsonl beside the directory when there is one.</summary>
internal sealed class PageSet
{
    public const string IndexFileName = "index.jsonl";

    private PageSet(IReadOnlyList<SavedPage> pages) => Pages = pages;

    public IReadOnlyList<SavedPage> Pages { get; }

    /// <exception cref="DirectoryNotFoundException">The directory does not exist, or is a file.</exception>
    public static PageSet Open(DirectoryInfo directory)
    {
        if (File.Exists(directory.FullName))
        {
            throw new DirectoryNotFoundException($"'{directory.FullName}' is a file, not a directory: pass the folder that holds the <id>.html pages (use 'healthit explain' for one page).");
        }

        if (!directory.Exists)
        {
            throw new DirectoryNotFoundException($"The pages directory '{directory.FullName}' does not exist.");
        }

        var urls = ReadUrls(directory);
        var pages = directory.EnumerateFiles("*.html")
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .Select(f =>
            {
                var id = Path.GetFileNameWithoutExtension(f.Name);
                return new SavedPage(id, f, urls.GetValueOrDefault(id));
            })
            .ToList();
        return new PageSet(pages);
    }

    /// <summary>id to URL from index.jsonl in the parent directory (the corpus layout) or, failing that, in the directory itself.</summary>
    private static Dictionary<string, string> ReadUrls(DirectoryInfo directory)
    {
        var urls = new Dictionary<string, string>(StringComparer.Ordinal);
        var index = new[] { directory.Parent?.FullName, directory.FullName }
            .OfType<string>()
            .Select(d => Path.Combine(d, IndexFileName))
            .FirstOrDefault(File.Exists);
        if (index is null)
        {
            return urls;
        }

        foreach (var line in File.ReadLines(index))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                && root.TryGetProperty("url", out var url) && url.ValueKind == JsonValueKind.String)
            {
                urls[id.GetString()!] = url.GetString()!;
            }
        }

        return urls;
    }
}

internal sealed record SavedPage(string Id, FileInfo File, string? Url)
{
    public Uri? Uri => Url is not null && Uri.TryCreate(Url, UriKind.Absolute, out var uri) ? uri : null;
}
