using System.Text.RegularExpressions;

namespace HealthItFunctions.Testing;

/// <summary>One item of a published reference bulletin: its 标题 and its 主要内容, as the editors kept it.</summary>
public sealed record BulletinItem(string Bulletin, int Number, string Title, string Content);

/// <summary>
/// Reads the reference bulletins (../shared/reference/bulletins/*.txt) at test time; their texts are third-party
/// content and never copied into the repository. Each item starts "N. 标题：…" and its text follows "主要内容：".
/// </summary>
public static partial class ReferenceBulletins
{
    public static string Directory => Path.Combine(RepositoryPaths.Shared, "reference", "bulletins");

    public static bool Exists => System.IO.Directory.Exists(Directory) && System.IO.Directory.GetFiles(Directory, "*.txt").Length > 0;

    public static IReadOnlyList<BulletinItem> Items()
    {
        var items = new List<BulletinItem>();
        foreach (var file in System.IO.Directory.GetFiles(Directory, "*.txt").Order(StringComparer.Ordinal))
        {
            items.AddRange(Parse(Path.GetFileNameWithoutExtension(file), File.ReadAllText(file)));
        }

        return items;
    }

    public static IEnumerable<BulletinItem> Parse(string bulletin, string text)
    {
        var headers = ItemHeader().Matches(text);
        for (var i = 0; i < headers.Count; i++)
        {
            var start = headers[i].Index + headers[i].Length;
            var end = i + 1 < headers.Count ? headers[i + 1].Index : text.Length;
            var section = text[start..end];
            var title = section.Split('\n', 2)[0].Trim();
            var content = ContentLabel().Match(section) is { Success: true } label ? section[(label.Index + label.Length)..].Trim() : string.Empty;
            yield return new BulletinItem(bulletin, int.Parse(headers[i].Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture), title, content);
        }
    }

    [GeneratedRegex(@"(?m)^\s*(?<n>\d+)\s*[.、]\s*标题\s*[：:]")]
    private static partial Regex ItemHeader();

    [GeneratedRegex(@"(?m)^\s*主要内容\s*[：:]\s*$")]
    private static partial Regex ContentLabel();
}
