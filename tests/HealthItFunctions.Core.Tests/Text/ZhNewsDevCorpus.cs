using System.Text.Json;
using HealthItFunctions.Testing;

namespace HealthItFunctions.Core.Tests.Text;

/// <summary>
/// The dev corpus (<see cref="DevCorpus"/>: <c>../shared/corpus/zh-news-dev</c> or HEALTHIT_DEV_CORPUS). Pages are third-party content,
/// read in place at test time and never copied into the repository.
/// </summary>
internal static class ZhNewsDevCorpus
{
    /// <summary>Returns <paramref name="corpus"/> (the theory's argument); skips the calling test when it holds no corpus.</summary>
    public static string RequireDirectory(string corpus)
    {
        if (!System.IO.Directory.Exists(Path.Combine(corpus, "truth")))
        {
            Assert.Skip(DevCorpus.SkipReason);
        }

        return corpus;
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
}
