using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using HealthItFunctions.Core.Bulletins;
using HealthItFunctions.Testing;

namespace HealthItFunctions.Core.Tests.Bulletins;

/// <summary>
/// A hand-made reference issue from seeds/bulletins: its lines, and the items
/// its 具体内容 section lists, parsed back into <see cref="BulletinItem"/>s so a rendering can be compared with the original.
/// </summary>
internal sealed partial class ReferenceBulletin
{
    private ReferenceBulletin(string path, BulletinMonth month, int issueNumber, IReadOnlyList<string> lines, IReadOnlyList<BulletinItem> items)
    {
        Path = path;
        Month = month;
        IssueNumber = issueNumber;
        Lines = lines;
        Items = items;
    }

    public string Path { get; }

    public BulletinMonth Month { get; }

    public int IssueNumber { get; }

    public IReadOnlyList<string> Lines { get; }

    public IReadOnlyList<BulletinItem> Items { get; }

    /// <summary>seeds/bulletins in the repository.</summary>
    public static string Directory => ReferenceBulletins.Directory;

    /// <summary>Loads e.g. "2021-08-issue-041.txt"; the references are part of the repository, so a missing one fails the test.</summary>
    public static ReferenceBulletin Load(string fileName)
    {
        var path = System.IO.Path.Combine(Directory, fileName);
        Assert.True(File.Exists(path), $"Reference bulletin {path} is missing; it belongs to the repository (seeds/bulletins).");
        var match = FileNamePattern().Match(fileName);
        Assert.True(match.Success, $"{fileName} is not named yyyy-MM-issue-NNN.txt");
        var lines = File.ReadAllLines(path, Encoding.UTF8);
        return new ReferenceBulletin(
            path,
            BulletinMonth.Parse(match.Groups["month"].Value),
            int.Parse(match.Groups["issue"].Value, CultureInfo.InvariantCulture),
            lines,
            ParseItems(lines));
    }

    private static List<BulletinItem> ParseItems(IReadOnlyList<string> lines)
    {
        var start = lines.ToList().FindIndex(l => l.Trim() == "二、具体内容");
        Assert.True(start >= 0, "reference has no 二、具体内容 line");
        var items = new List<BulletinItem>();
        string? title = null, media = null, url = null;
        List<string>? body = null;
        var awaitingUrl = false;

        void Flush()
        {
            if (title is not null)
            {
                items.Add(new BulletinItem(title, media ?? "", url ?? "", FirstDate(body ?? []), body ?? []));
            }
        }

        foreach (var raw in lines.Skip(start + 1))
        {
            var line = raw.Trim().Trim('\u00a0', '\u3000');
            if (line.Length == 0)
            {
                continue;
            }

            if (ItemHeader().Match(line) is { Success: true } header)
            {
                Flush();
                (title, media, url, body, awaitingUrl) = (header.Groups["title"].Value.Trim(), null, null, null, false);
            }
            else if (body is not null)
            {
                body.Add(line);
            }
            else if (Label("媒体").Match(line) is { Success: true } mediaLine)
            {
                media = mediaLine.Groups["rest"].Value.Trim();
            }
            else if (Label("链接").Match(line) is { Success: true } linkLine)
            {
                url = linkLine.Groups["rest"].Value.Trim().Trim('<', '>');
                awaitingUrl = url.Length == 0;
            }
            else if (awaitingUrl)
            {
                (url, awaitingUrl) = (line.Trim('<', '>'), false);
            }
            else if (Label("主要内容").IsMatch(line))
            {
                body = [];
            }
        }

        Flush();
        return items;
    }

    private static DateTimeOffset? FirstDate(IEnumerable<string> body) =>
        body.Select(l => IsoDate().Match(l)).FirstOrDefault(m => m.Success) is { } m
            ? DateTimeOffset.ParseExact(m.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToOffset(TimeSpan.FromHours(8))
            : null;

    private static Regex Label(string label) => new($"^{label}\\s*[：:]\\s*(?<rest>.*)$");

    [GeneratedRegex(@"^(?<month>\d{4}-\d{2})-issue-(?<issue>\d{3})\.txt$")]
    private static partial Regex FileNamePattern();

    [GeneratedRegex(@"^\d+\s*[.、]\s*标题\s*[：:]\s*(?<title>.+)$")]
    private static partial Regex ItemHeader();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}")]
    private static partial Regex IsoDate();
}
