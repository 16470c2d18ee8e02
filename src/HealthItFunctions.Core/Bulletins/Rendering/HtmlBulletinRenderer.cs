using System.Text;
using HealthItFunctions.Core.Text;
using Microsoft.Extensions.Options;

namespace HealthItFunctions.Core.Bulletins.Rendering;

/// <summary>
/// The bulletin as an e-mail body. Mail clients drop &lt;style&gt; blocks and scripts, so every style is inline,
/// the layout is a centred table capped at a readable width that shrinks to a phone screen, and every field is escaped.
/// Each line of the Markdown rendering is one block here, in the same order.
/// </summary>
public sealed class HtmlBulletinRenderer(IOptions<BulletinOptions> options) : IBulletinRenderer
{
    // Single quotes inside: the stacks go into style="…" attributes.
    private const string SansStack = "'PingFang SC','Hiragino Sans GB','Microsoft YaHei','微软雅黑','Noto Sans CJK SC','Source Han Sans SC','WenQuanYi Micro Hei',Arial,sans-serif";
    private const string SerifStack = "'Songti SC','STSong','SimSun','宋体','Noto Serif CJK SC','Source Han Serif SC',serif";

    private const string Paragraph = "margin:0 0 12px 0;font-size:16px;line-height:1.75;";
    private const string Centered = "margin:0 0 8px 0;text-align:center;font-size:16px;line-height:1.6;";
    private const string Heading = "margin:24px 0 12px 0;font-size:19px;line-height:1.5;font-weight:bold;color:#9b1c1c;font-family:" + SerifStack + ";";
    private const string SectionTitle = "margin:24px 0 10px 0;padding-top:12px;border-top:1px solid #e5e7eb;font-size:17px;line-height:1.6;font-weight:bold;color:#111827;";
    private const string CaptionStyle = "margin:0 0 16px 0;text-align:center;font-size:14px;line-height:1.5;color:#4b5563;";
    private const int MaxPictureWidth = 640;
    private const string Link = "color:#1d4ed8;text-decoration:underline;word-break:break-all;";

    private readonly BulletinOptions _options = options.Value;

    public BulletinFormat Format => BulletinFormat.Html;

    public string FileExtension => "html";

    public string ContentType => "text/html; charset=utf-8";

    /// <summary>The archived page: pictures from the images/ folder beside it.</summary>
    public byte[] Render(BulletinDocument document) => Render(document, picture => picture.ArchivePath);

    /// <summary>The mail body: pictures as cid: references to parts of the same message.</summary>
    public byte[] RenderForMail(BulletinDocument document) => Render(document, picture => "cid:" + picture.FileName);

    /// <summary>One file with its pictures as data: URIs: the review page's preview, which has no folder beside it.</summary>
    public byte[] RenderSelfContained(BulletinDocument document) =>
        Render(document, picture => $"data:{picture.ContentType};base64,{Convert.ToBase64String(picture.Content)}");

    private byte[] Render(BulletinDocument document, Func<BulletinPicture, string> pictureSource)
    {
        ArgumentNullException.ThrowIfNull(document);
        var title = BulletinWording.SingleLine(_options.Title);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Escape(BulletinWording.IssueName(document, title))).Append("</title>\n</head>\n")
            .Append("<body style=\"margin:0;padding:0;background-color:#f3f4f6;\">\n")
            .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"border-collapse:collapse;background-color:#f3f4f6;\"><tr><td align=\"center\" style=\"padding:12px 8px;\">\n")
            .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"border-collapse:collapse;width:100%;max-width:680px;background-color:#ffffff;\"><tr>")
            .Append("<td style=\"padding:20px 16px;color:#1f2937;font-family:").Append(SansStack).Append(";word-wrap:break-word;overflow-wrap:break-word;\">\n");

        AppendMasthead(html, document, title);
        AppendToc(html, document);
        AppendSections(html, document, pictureSource);

        html.Append("</td></tr></table>\n</td></tr></table>\n</body>\n</html>\n");
        return Encoding.UTF8.GetBytes(html.ToString());
    }

    private void AppendMasthead(StringBuilder html, BulletinDocument document, string title)
    {
        html.Append("<h1 style=\"margin:8px 0 12px 0;text-align:center;font-size:24px;line-height:1.4;font-weight:bold;color:#b91c1c;font-family:")
            .Append(SerifStack).Append(";\">").Append(Escape(title)).Append("</h1>\n");
        Block(html, "p", Centered, BulletinWording.IssueLine(document.IssueNumber));
        Block(html, "p", Centered, BulletinWording.SingleLine(_options.Publisher));
        Block(html, "p", Centered + "border-bottom:2px solid #b91c1c;padding-bottom:12px;", BulletinWording.ChineseDate(document.IssueDate));
        Block(html, "h2", Heading, BulletinWording.LeadHeading);
        Block(html, "p", Paragraph + "text-indent:2em;", BulletinWording.LeadSentence(document, BulletinWording.SingleLine(_options.Scope)));
    }

    private static void AppendToc(StringBuilder html, BulletinDocument document)
    {
        Block(html, "h2", Heading, BulletinWording.TocHeading);
        for (var i = 0; i < document.Items.Count; i++)
        {
            var item = document.Items[i];
            // Title and media are two lines in the references; <br> keeps them one entry that links to its section.
            html.Append("<p style=\"").Append(Paragraph).Append("\"><a href=\"#").Append(BulletinWording.SectionAnchor(i + 1))
                .Append("\" style=\"color:#111827;text-decoration:none;\">").Append(Escape(BulletinWording.TocTitleLine(i + 1, item)))
                .Append("</a><br>\n<span style=\"color:#6b7280;\">").Append(Escape(BulletinWording.TocMediaLine(item))).Append("</span></p>\n");
        }
    }

    private static void AppendSections(StringBuilder html, BulletinDocument document, Func<BulletinPicture, string> pictureSource)
    {
        Block(html, "h2", Heading, BulletinWording.ContentHeading);
        for (var i = 0; i < document.Items.Count; i++)
        {
            var item = document.Items[i];
            var anchor = BulletinWording.SectionAnchor(i + 1);
            // id for browsers, <a name> for the mail clients that strip ids.
            html.Append("<h3 id=\"").Append(anchor).Append("\" style=\"").Append(SectionTitle).Append("\"><a name=\"").Append(anchor).Append("\"></a>")
                .Append(Escape(BulletinWording.SectionTitleLine(i + 1, item))).Append("</h3>\n");
            Block(html, "p", Paragraph, BulletinWording.MediaLine(item));
            AppendLinkLine(html, item);
            Block(html, "p", Paragraph + "font-weight:bold;", BulletinWording.BodyLabel);
            var header = BulletinWording.ItemHeaderLines(item);
            Block(html, "p", Paragraph + "text-align:center;font-weight:bold;", header[0]);
            foreach (var line in header.Skip(1))
            {
                Block(html, "p", Paragraph + "text-align:center;color:#6b7280;", line);
            }

            foreach (var block in BulletinWording.BodyBlocks(item))
            {
                if (block.Picture is { } picture)
                {
                    AppendPicture(html, picture, pictureSource(picture));
                }
                else
                {
                    Block(html, "p", Paragraph + "text-indent:2em;", block.Paragraph!);
                }
            }
        }
    }

    /// <summary>
    /// Centred, at most the column's width: the width attribute for Outlook (which ignores max-width), max-width and
    /// height:auto for phones. The caption sits under it as its own small line.
    /// </summary>
    private static void AppendPicture(StringBuilder html, BulletinPicture picture, string source)
    {
        var caption = BulletinWording.PictureCaption(picture);
        var width = Math.Min(picture.Width, MaxPictureWidth);
        html.Append("<p style=\"margin:16px 0 6px 0;text-align:center;\"><img src=\"").Append(Escape(source))
            .Append("\" alt=\"").Append(Escape(caption)).Append("\" width=\"").Append(width)
            .Append("\" style=\"display:block;margin:0 auto;width:").Append(width).Append("px;max-width:100%;height:auto;border:0;\"></p>\n");
        if (caption.Length > 0)
        {
            Block(html, "p", CaptionStyle, caption);
        }
    }

    private static void AppendLinkLine(StringBuilder html, BulletinItem item)
    {
        var url = BulletinWording.SingleLine(item.Url);
        html.Append("<p style=\"").Append(Paragraph).Append("\">").Append(Escape(BulletinWording.LinkLabel));
        if (BulletinWording.LinkTarget(item) is { } target)
        {
            html.Append("<a href=\"").Append(Escape(target.AbsoluteUri)).Append("\" style=\"").Append(Link).Append("\">")
                .Append(Escape(url)).Append("</a>");
        }
        else
        {
            html.Append(Escape(url));
        }

        html.Append("</p>\n");
    }

    private static void Block(StringBuilder html, string tag, string style, string text) =>
        html.Append('<').Append(tag).Append(" style=\"").Append(style).Append("\">").Append(Escape(text)).Append("</").Append(tag).Append(">\n");

    /// <summary>
    /// Escapes &lt; &gt; &amp; and both quotes, so a field is safe as element text and as an attribute value.
    /// Everything else stays literal: the page is UTF-8, and numeric entities for emoji (WebUtility's way) trip some readers.
    /// What no document may carry is removed first (<see cref="TextSanitizer"/>): this is the renderer's last guard.
    /// </summary>
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in TextSanitizer.Clean(text))
        {
            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }
}
