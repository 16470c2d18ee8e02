using System.Text.Json;
using HealthItFunctions.Testing;

namespace HealthItFunctions.Core.Tests.Text;

/// <summary>
/// The shared dev corpus beside the checkout (<c>../shared/corpus/zh-news-dev</c>). Pages are third-party content,
/// read in place at test time and never copied into the repository.
/// </summary>
internal static class ZhNewsDevCorpus
{
    private static readonly Lazy<string?> LazyDirectory = new(Locate);

    /// <summary>The corpus folder, or null when this machine has no copy.</summary>
    public static string? Directory => LazyDirectory.Value;

    /// <summary>Skips the calling test (xunit v3) when the corpus is absent, so CI without the share stays green.</summary>
    public static string RequireDirectory()
    {
        var dir = Directory;
        if (dir is null)
        {
            Assert.Skip("zh-news-dev corpus not found at ../shared/corpus/zh-news-dev beside the folder holding HealthItFunctions.sln; corpus checks skipped.");
        }

        return dir;
    }

    public static IEnumerable<(string Id, JsonElement Truth)> Truths(string dir)
    {
        foreach (var file in System.IO.Directory.GetFiles(Path.Combine(dir, "truth"), "*.json").Order(StringComparer.Ordinal))
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
            yield return (Path.GetFileNameWithoutExtension(file), doc.RootElement.Clone());
        }
    }

    public static byte[] PageBytes(string dir, string id) => File.ReadAllBytes(Path.Combine(dir, "pages", id + ".html"));

    private static string? Locate()
    {
        var corpus = Path.Combine(RepositoryPaths.Shared, "corpus", "zh-news-dev");
        return System.IO.Directory.Exists(Path.Combine(corpus, "truth")) ? corpus : null;
    }
}
