using System.Globalization;
using System.Text;
using HealthItFunctions.Core.Text;

namespace HealthItFunctions.Core.Bulletins;

/// <summary>
/// The fixed wording of the reference issues, in one place so the Markdown, HTML and Word renderers say exactly
/// the same lines and differ only in markup.
/// </summary>
public static class BulletinWording
{
    public const string LeadHeading = "本期导语：";
    public const string TocHeading = "一、信息目录";
    public const string ContentHeading = "二、具体内容";
    public const string TitleLabel = "标题：";
    public const string MediaLabel = "媒体：";
    public const string LinkLabel = "链接：";
    public const string BodyLabel = "主要内容：";
    public const string CreditLabel = "来源：";

    /// <summary>（第四十一期）</summary>
    public static string IssueLine(int issueNumber) => $"（第{ChineseNumerals.Format(issueNumber)}期）";

    /// <summary>2021年08月31日: zero-padded month and day, as every reference issue writes its dates.</summary>
    public static string ChineseDate(DateOnly date) =>
        date.ToString("yyyy'年'MM'月'dd'日'", CultureInfo.InvariantCulture);

    /// <summary>
    /// The 导语 sentence. "周报" is what all four reference issues say although the bulletin is monthly;
    /// editors compare against those issues, so the wording is kept.
    /// </summary>
    public static string LeadSentence(BulletinDocument document, string scope) =>
        $"本期周报共收集{document.Items.Count}篇卫生信息化相关信息，时间从{ChineseDate(document.CoverageStart)}到{ChineseDate(document.CoverageEnd)}，监测范围包括{scope}等。";

    /// <summary>Subject-style name of the issue, e.g. for a mail subject or file title: 北京…月报（第四十一期） 2021-08.</summary>
    public static string IssueName(BulletinDocument document, string title) =>
        $"{title}{IssueLine(document.IssueNumber)} {document.Month}";

    public static string TocTitleLine(int position, BulletinItem item) => $"{position}. {SingleLine(item.Title)}";

    public static string TocMediaLine(BulletinItem item) => $"（{SingleLine(item.Media)}）";

    public static string SectionTitleLine(int position, BulletinItem item) => $"{position}. {TitleLabel}{SingleLine(item.Title)}";

    public static string MediaLine(BulletinItem item) => MediaLabel + SingleLine(item.Media);

    /// <summary>
    /// The two lines that open each 主要内容, as issues 36 and 41 do: the title, then "2021-08-15 来源：HIT专家网"
    /// (the publish date in Beijing). A missing date or 来源 leaves its part out, never a placeholder.
    /// </summary>
    public static IReadOnlyList<string> ItemHeaderLines(BulletinItem item)
    {
        var credit = SingleLine(item.Credit ?? item.Media);
        var parts = new List<string>(2);
        if (item.PublishedAt is { } published)
        {
            parts.Add(BulletinMonth.BeijingDateOf(published).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (credit.Length > 0)
        {
            parts.Add(CreditLabel + credit);
        }

        var title = SingleLine(item.Title);
        return parts.Count == 0 ? [title] : [title, string.Join(' ', parts)];
    }

    /// <summary>Anchor/bookmark name of an item's section, shared by the HTML and Word 目录 links.</summary>
    public static string SectionAnchor(int position) => $"item-{position}";

    /// <summary>The item's address when it is an absolute http(s) URL, the only kind worth making clickable (no javascript:, no relative paths).</summary>
    public static Uri? LinkTarget(BulletinItem item) =>
        Uri.TryCreate(SingleLine(item.Url), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : null;

    /// <summary>
    /// A field shown on one line: what XML cannot carry removed (<see cref="TextSanitizer"/>, every renderer's last
    /// guard), line breaks and tabs become spaces, ends trimmed.
    /// </summary>
    public static string SingleLine(string? value) => TextSanitizer.SingleLine(value);

    /// <summary>The folder of pictures beside an archived bulletin (blob prefix and output folder).</summary>
    public const string PictureFolder = "images";

    /// <summary>
    /// The 主要内容 as the article shows it: paragraphs (as <see cref="BodyParagraphs"/> keeps them) with each picture
    /// where it stood. A picture placed past the end (an editor shortened the text) closes the body.
    /// </summary>
    public static IEnumerable<BodyBlock> BodyBlocks(BulletinItem item)
    {
        var paragraphs = item.Paragraphs ?? [];
        var pictures = (item.Pictures ?? []).OrderBy(p => p.Position).ToList();
        var next = 0;
        for (var i = 0; i < paragraphs.Count; i++)
        {
            for (; next < pictures.Count && pictures[next].Position <= i; next++)
            {
                yield return new BodyBlock(null, pictures[next]);
            }

            if (SingleLine(paragraphs[i]) is { Length: > 0 } line)
            {
                yield return new BodyBlock(line, null);
            }
        }

        for (; next < pictures.Count; next++)
        {
            yield return new BodyBlock(null, pictures[next]);
        }
    }

    /// <summary>The line under a picture: its caption, else its alt text, else nothing.</summary>
    public static string PictureCaption(BulletinPicture picture) => SingleLine(picture.Caption ?? picture.Alt);

    /// <summary>Body paragraphs worth a line: trimmed, control characters out (XML cannot carry most of them), blank ones dropped.</summary>
    public static IReadOnlyList<string> BodyParagraphs(BulletinItem item) =>
        (item.Paragraphs ?? [])
            .Select(SingleLine)
            .Where(p => p.Length > 0)
            .ToArray();
}
