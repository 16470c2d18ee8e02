using System.Text;
using HealthItFunctions.Core.Text;
using Microsoft.Extensions.Options;

namespace HealthItFunctions.Core.Bulletins.Rendering;

/// <summary>
/// The bulletin as the reference issues are written: plain lines separated by blank lines, links as &lt;url&gt;.
/// It is the golden format the other renderers follow line for line.
/// </summary>
public sealed class MarkdownBulletinRenderer(IOptions<BulletinOptions> options) : IBulletinRenderer
{
    private readonly BulletinOptions _options = options.Value;

    public BulletinFormat Format => BulletinFormat.Markdown;

    public string FileExtension => "md";

    public string ContentType => "text/markdown; charset=utf-8";

    public byte[] Render(BulletinDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var lines = new List<string>
        {
            BulletinWording.SingleLine(_options.Title),
            BulletinWording.IssueLine(document.IssueNumber),
            BulletinWording.SingleLine(_options.Publisher),
            BulletinWording.ChineseDate(document.IssueDate),
            BulletinWording.LeadHeading,
            BulletinWording.LeadSentence(document, BulletinWording.SingleLine(_options.Scope)),
            BulletinWording.TocHeading,
        };

        for (var i = 0; i < document.Items.Count; i++)
        {
            lines.Add(BulletinWording.TocTitleLine(i + 1, document.Items[i]));
            lines.Add(BulletinWording.TocMediaLine(document.Items[i]));
        }

        lines.Add(BulletinWording.ContentHeading);
        for (var i = 0; i < document.Items.Count; i++)
        {
            var item = document.Items[i];
            lines.Add(BulletinWording.SectionTitleLine(i + 1, item));
            lines.Add(BulletinWording.MediaLine(item));
            var url = BulletinWording.SingleLine(item.Url);
            // <url> is the references' own autolink form; a non-http value is shown as written, not linked.
            lines.Add(BulletinWording.LinkLabel + (BulletinWording.LinkTarget(item) is null ? url : $"<{url}>"));
            lines.Add(BulletinWording.BodyLabel);
            lines.AddRange(BulletinWording.ItemHeaderLines(item));
            lines.AddRange(BulletinWording.BodyBlocks(item).Select(block => block.Picture is { } picture ? PictureLine(picture) : block.Paragraph!));
        }

        // The last guard: every field already went through SingleLine, the options' own lines did not.
        return Encoding.UTF8.GetBytes(TextSanitizer.Clean(string.Join("\n\n", lines) + "\n"));
    }

    /// <summary>![caption](images/file.png): brackets and backslashes in the caption escaped so it stays one image.</summary>
    private static string PictureLine(BulletinPicture picture)
    {
        var caption = BulletinWording.PictureCaption(picture).Replace("\\", "\\\\").Replace("[", "\\[").Replace("]", "\\]");
        return $"![{caption}]({picture.ArchivePath})";
    }
}
