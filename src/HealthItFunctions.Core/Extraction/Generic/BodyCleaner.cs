using System.Text.RegularExpressions;

namespace HealthItFunctions.Core.Extraction.Generic;

/// <summary>Removes the lines that ride along with a body: bylines, editor credits, share bars, copyright, related lists.</summary>
internal static partial class BodyCleaner
{
    private const int MaxCreditLength = 40;
    private const int MaxBoilerplateLength = 80;
    private const int MaxMarkerLength = 20;
    private const int MinTextBeforeEndMarker = 100;

    public static List<string> Clean(IReadOnlyList<string> paragraphs, string? title)
    {
        var normalizedTitle = title is null ? null : Squash(title);
        var result = new List<string>(paragraphs.Count);
        var kept = 0;
        foreach (var line in paragraphs)
        {
            // A "related articles" heading once the text has begun ends it: everything below lists other pages.
            // Before that it is a header widget ("发表评论" beside the date line) and only that line goes.
            if (line.Length <= MaxMarkerLength && EndMarker().IsMatch(line))
            {
                if (kept >= MinTextBeforeEndMarker)
                {
                    break;
                }

                continue;
            }

            if (IsBoilerplate(line) || (result.Count == 0 && normalizedTitle is not null && Squash(line) == normalizedTitle))
            {
                continue;
            }

            result.Add(line);
            kept += line.Length;
        }

        TrimMetaLines(result);
        return result;
    }

    private static bool IsBoilerplate(string line)
    {
        if (!HasWordCharacter(line))
        {
            return true;
        }

        return (line.Length <= MaxCreditLength && CreditLine().IsMatch(line))
            || (line.Length <= MaxBoilerplateLength && BoilerplateLine().IsMatch(line));
    }

    /// <summary>Date/source/view-count lines belong to the header or footer, not the text; only the edges are trimmed.</summary>
    private static void TrimMetaLines(List<string> lines)
    {
        while (lines.Count > 0 && IsMetaLine(lines[0]))
        {
            lines.RemoveAt(0);
        }

        while (lines.Count > 0 && IsMetaLine(lines[^1]))
        {
            lines.RemoveAt(lines.Count - 1);
        }
    }

    private static bool IsMetaLine(string line) =>
        line.Length <= MaxBoilerplateLength && DateLike().IsMatch(line) && (MetaLabel().IsMatch(line) || DateLike().Match(line).Length >= line.Length - 6);

    private static bool HasWordCharacter(string line)
    {
        foreach (var c in line)
        {
            if (char.IsLetterOrDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    private static string Squash(string value) => string.Concat(value.Where(c => !TextUtil.IsSpace(c)));

    [GeneratedRegex(@"^[\[【(（]?\s*(?:责任编辑|责编|编辑|校对|审核|审校|终审|监制|值班编辑|作者|记者|通讯员|摄影|图片来源|来源|稿源|文章来源|本文来源|出品|策划)\s*[:：]", RegexOptions.CultureInvariant)]
    private static partial Regex CreditLine();

    [GeneratedRegex(@"版权所有|Copyright|©|ICP备|ICP证|免责声明|转载请注明|未经授权|分享到|扫一扫|扫描二维码|长按二维码|长按识别|点击关注|关注我们|打印本页|关闭窗口|纠错|返回顶部|返回首页|阅读原文|收藏本文|【打印】|【关闭】|上一篇|下一篇|^\s*字号|^\s*(?:点赞|在看|分享|收藏|举报)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BoilerplateLine();

    [GeneratedRegex(@"^\W{0,2}(?:相关阅读|相关新闻|相关文章|相关链接|相关推荐|延伸阅读|推荐阅读|热门推荐|猜你喜欢|热点推荐|更多精彩|精彩推荐|往期回顾|往期推荐|热门文章|网友评论|我要评论|发表评论|相关报道)", RegexOptions.CultureInvariant)]
    private static partial Regex EndMarker();

    [GeneratedRegex(@"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}(?:\s*[-/.月]\s*\d{1,2}\s*日?)?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?", RegexOptions.CultureInvariant)]
    private static partial Regex DateLike();

    [GeneratedRegex(@"来源|作者|编辑|发布|时间|日期|浏览|阅读|点击|字号|记者", RegexOptions.CultureInvariant)]
    private static partial Regex MetaLabel();
}
