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

    /// <summary>
    /// Each item's fields as the editors wrote them: 标题, 媒体 (with the date issues 27/28 put there), 链接, and the
    /// header that opens 主要内容 in issues 36/41 (title, date, 来源). The header is NOT kept in the body: the renderer
    /// has to produce it from the fields. 来源 becomes <see cref="BulletinItem.Credit"/> only where it names another outlet.
    /// </summary>
    private static List<BulletinItem> ParseItems(IReadOnlyList<string> lines)
    {
        var start = lines.ToList().FindIndex(l => l.Trim() == "二、具体内容");
        Assert.True(start >= 0, "reference has no 二、具体内容 line");
        var items = new List<BulletinItem>();
        string? title = null, media = null, url = null, credit = null;
        DateTimeOffset? date = null;
        var header = new List<string>();
        var body = new List<string>();
        var part = Part.Fields;
        var awaitingUrl = false;

        void Flush()
        {
            if (title is not null)
            {
                // 主要内容 ended inside what looked like a header: it had no date, so it was body.
                List<string> paragraphs = part == Part.Header ? [.. header, .. body] : body;
                var sameOutlet = credit is null || Squash(credit) == Squash(media ?? "");
                items.Add(new BulletinItem(title, media ?? "", url ?? "", date, paragraphs) { Credit = sameOutlet ? null : credit });
            }
        }

        foreach (var raw in lines.Skip(start + 1))
        {
            var line = raw.Trim().Trim('\u00a0', '\u3000');
            if (line.Length == 0)
            {
                continue;
            }

            if (ItemHeader().Match(line) is { Success: true } itemHeader)
            {
                Flush();
                (title, media, url, credit, date, awaitingUrl, part) = (itemHeader.Groups["title"].Value.Trim(), null, null, null, null, false, Part.Fields);
                (header, body) = ([], []);
            }
            else if (part == Part.Body)
            {
                body.Add(line);
            }
            else if (part == Part.Header)
            {
                // Title line(s), then "yyyy-MM-dd[ 来源：X]", then "来源：X" when it stands on its own line.
                if (HeaderDate().Match(line) is { Success: true } dated)
                {
                    date = Beijing(dated.Groups["date"].Value);
                    if (dated.Groups["credit"].Success)
                    {
                        (credit, part) = (dated.Groups["credit"].Value.Trim(), Part.Body);
                    }
                }
                else if (date is not null && Label("来源").Match(line) is { Success: true } source)
                {
                    (credit, part) = (source.Groups["rest"].Value.Trim(), Part.Body);
                }
                else if (date is not null || header.Count >= 3)
                {
                    body.AddRange(date is null ? header : []);
                    body.Add(line);
                    part = Part.Body;
                }
                else
                {
                    header.Add(line);
                }
            }
            else if (Label("媒体").Match(line) is { Success: true } mediaLine)
            {
                // Issues 27/28 write "媒体：中国数字医学 2020-06-25" and open 主要内容 without a header.
                var rest = mediaLine.Groups["rest"].Value.Trim();
                if (TrailingDate().Match(rest) is { Success: true } trailing)
                {
                    date = Beijing(trailing.Groups["date"].Value);
                    rest = rest[..trailing.Index].Trim();
                }

                media = rest;
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
                part = date is null ? Part.Header : Part.Body;
            }
        }

        Flush();
        return items;
    }

    private static DateTimeOffset Beijing(string date) =>
        new(DateTime.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture), TimeSpan.FromHours(8));

    private static string Squash(string text) => Regex.Replace(text, @"\s+", "");

    private static Regex Label(string label) => new($"^{label}\\s*[：:]\\s*(?<rest>.*)$");

    [GeneratedRegex(@"^(?<month>\d{4}-\d{2})-issue-(?<issue>\d{3})\.txt$")]
    private static partial Regex FileNamePattern();

    [GeneratedRegex(@"^\d+\s*[.、]\s*标题\s*[：:]\s*(?<title>.+)$")]
    private static partial Regex ItemHeader();

    [GeneratedRegex(@"^(?<date>\d{4}-\d{2}-\d{2})(\s*来源\s*[：:]\s*(?<credit>.+))?$")]
    private static partial Regex HeaderDate();

    [GeneratedRegex(@"\s(?<date>\d{4}-\d{2}-\d{2})$")]
    private static partial Regex TrailingDate();

    private enum Part
    {
        Fields,
        Header,
        Body,
    }
}
