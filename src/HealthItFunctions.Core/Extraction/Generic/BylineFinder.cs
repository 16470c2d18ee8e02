using System.Text.RegularExpressions;

namespace HealthItFunctions.Core.Extraction.Generic;

/// <summary>Reads the 来源 (source) and 作者 (author) lines that Chinese pages print between the headline and the text.</summary>
internal static partial class BylineFinder
{
    private const int HeaderWindow = 600;
    private const int NearBodyWindow = 1500;

    public static (string Value, string Rule)? FindSource(PageContext page, NodeInfo? title, NodeInfo? body) =>
        FindLabelled(page, title, body, SourceLine(), "generic:source-line");

    public static (string Value, string Rule)? FindAuthor(PageContext page, NodeInfo? title, NodeInfo? body) =>
        FindLabelled(page, title, body, AuthorLine(), "generic:author-line");

    private static (string, string)? FindLabelled(PageContext page, NodeInfo? title, NodeInfo? body, Regex pattern, string rule)
    {
        var text = page.Index.Text;
        foreach (var (start, end) in Regions(text.Length, title, body))
        {
            if (end <= start)
            {
                continue;
            }

            var match = pattern.Match(text, start, end - start);
            if (match.Success && Clean(match.Groups["name"].Value) is { } name)
            {
                return (name, rule);
            }
        }

        return null;
    }

    private static IEnumerable<(int Start, int End)> Regions(int length, NodeInfo? title, NodeInfo? body)
    {
        if (title is not null)
        {
            yield return (title.TextEnd, Math.Min(length, title.TextEnd + HeaderWindow));
        }

        if (body is not null)
        {
            yield return (Math.Max(0, body.TextStart - NearBodyWindow), Math.Min(length, body.TextEnd + 300));
        }
    }

    /// <summary>Cuts a following label ("新京报 作者：…") and rejects values that are not names.</summary>
    private static string? Clean(string value)
    {
        var cut = NextLabel().Match(value);
        if (cut.Success)
        {
            value = value[..cut.Index];
        }

        value = value.Trim(' ', '-', '|', '/', '　', '·');
        return value.Length is >= 2 and <= 30 && !value.Any(char.IsDigit) ? value : null;
    }

    [GeneratedRegex(@"(?:来源|稿源|文章来源|信息来源|本文来源|出处)\s*[:：]\s*(?<name>[^\s:：|｜/，,。;；\[\]【】()（）]{2,40})", RegexOptions.CultureInvariant)]
    private static partial Regex SourceLine();

    [GeneratedRegex(@"(?:作者|撰文|记者|编辑|责任编辑|责编)\s*[:：]\s*(?<name>[^\n:：|｜/，,。;；\[\]【】()（）]{2,30})", RegexOptions.CultureInvariant)]
    private static partial Regex AuthorLine();

    [GeneratedRegex(@"\s*(?:作者|编辑|记者|时间|发布|浏览|阅读|点击|责任|日期|字号|来源|\d{4}[-年/.])", RegexOptions.CultureInvariant)]
    private static partial Regex NextLabel();
}
