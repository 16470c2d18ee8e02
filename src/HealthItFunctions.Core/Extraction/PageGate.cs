namespace HealthItFunctions.Core.Extraction;

/// <summary>
/// Recognises pages that are not articles before any field is extracted, so a wall or a removal notice yields a
/// reason instead of an "article" made of its text.
/// </summary>
internal static class PageGate
{
    private const int MinVisibleText = 20;

    /// <summary>Walls and notices are short; a long page that merely mentions 验证码 is still an article.</summary>
    private const int MaxNoticeText = 1500;

    private static readonly string[] DeletedMarkers =
    [
        "该内容已被发布者删除", "此内容因违规无法查看", "该内容已被删除", "此内容被投诉且经审核涉嫌侵权", "该公众号已迁移", "该文章已被删除",
        "内容已被删除", "此文章已被删除",
    ];

    private static readonly string[] BlockedMarkers =
    [
        "环境异常", "完成验证后即可继续访问", "请输入验证码", "人机验证", "安全验证", "访问过于频繁", "访问频率过高", "滑动验证", "captcha",
        "Access Denied", "请开启JavaScript",
    ];

    public static (NotArticleReason Reason, string Detail)? Check(PageContext page)
    {
        var text = page.Index.Text;
        var visible = TextUtil.CountNonSpace(text);
        var probe = page.TitleTag + "\n" + (text.Length > MaxNoticeText * 2 ? text[..(MaxNoticeText * 2)] : text);
        if (visible <= MaxNoticeText)
        {
            if (FindMarker(probe, DeletedMarkers) is { } deleted)
            {
                return (NotArticleReason.Deleted, $"the publisher removed the article (\"{deleted}\")");
            }

            if (FindMarker(probe, BlockedMarkers) is { } blocked)
            {
                return (NotArticleReason.Blocked, $"the fetch hit a verification wall (\"{blocked}\")");
            }
        }

        return visible < MinVisibleText ? (NotArticleReason.EmptyPage, $"the page has {visible} visible characters") : null;
    }

    private static string? FindMarker(string text, string[] markers)
    {
        foreach (var marker in markers)
        {
            if (text.Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                return marker;
            }
        }

        return null;
    }
}
