using System.Text.RegularExpressions;

namespace HealthItFunctions.Testing;

/// <summary>One item of a published reference bulletin: its 标题 and its 主要内容, as the editors kept it.</summary>
public sealed record ReferenceItem(string Bulletin, int Number, string Title, string Content);

/// <summary>
/// Reads the reference bulletins in seeds/bulletins/*.txt: the product's specification, kept in the repository so
/// golden, calibration and demo tests run in every clone. Each item starts "N. 标题：…" and its text follows "主要内容：".
/// </summary>
public static partial class ReferenceBulletins
{
    public static string Directory => Path.Combine(RepositoryPaths.Root, "seeds", "bulletins");

    /// <summary>The text of one issue, e.g. "2021-08-issue-041.txt"; a missing file is a broken checkout, so it throws.</summary>
    public static string Read(string fileName) => File.ReadAllText(Path.Combine(Directory, fileName));

    public static IReadOnlyList<ReferenceItem> Items()
    {
        var items = new List<ReferenceItem>();
        var files = System.IO.Directory.GetFiles(Directory, "*.txt").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new InvalidOperationException($"No reference bulletins in {Directory}; they belong to the repository (seeds/bulletins).");
        }

        foreach (var file in files)
        {
            items.AddRange(Parse(Path.GetFileNameWithoutExtension(file), File.ReadAllText(file)));
        }

        return items;
    }

    public static IEnumerable<ReferenceItem> Parse(string bulletin, string text)
    {
        var headers = ItemHeader().Matches(text);
        for (var i = 0; i < headers.Count; i++)
        {
            var start = headers[i].Index + headers[i].Length;
            var end = i + 1 < headers.Count ? headers[i + 1].Index : text.Length;
            var section = text[start..end];
            var title = section.Split('\n', 2)[0].Trim();
            var content = ContentLabel().Match(section) is { Success: true } label ? section[(label.Index + label.Length)..].Trim() : string.Empty;
            yield return new ReferenceItem(bulletin, int.Parse(headers[i].Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture), title, content);
        }
    }

    [GeneratedRegex(@"(?m)^\s*(?<n>\d+)\s*[.、]\s*标题\s*[：:]")]
    private static partial Regex ItemHeader();

    [GeneratedRegex(@"(?m)^\s*主要内容\s*[：:]\s*$")]
    private static partial Regex ContentLabel();
}
