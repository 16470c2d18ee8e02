using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;
using HealthItFunctions.Core.Text;
using Microsoft.Extensions.Options;

namespace HealthItFunctions.Core.Bulletins.Rendering;

/// <summary>
/// The bulletin as the Word document editors circulate: one paragraph per line of the Markdown rendering,
/// 目录 entries that jump to bookmarks on their sections, and 链接 lines that are real hyperlinks.
/// </summary>
public sealed class DocxBulletinRenderer(IOptions<BulletinOptions> options) : IBulletinRenderer
{
    // A4 in twentieths of a point, with the 公文 margins (37 mm top, 28 mm left, 26 mm right, 35 mm bottom).
    private const int PageWidth = 11906;
    private const int PageHeight = 16838;

    /// <summary>The text column: page width less the left and right margins below.</summary>
    internal const int TextWidthTwips = PageWidth - MarginLeft - MarginRight;
    private const int MarginLeft = 1588;
    private const int MarginRight = 1474;

    private readonly BulletinOptions _options = options.Value;

    public BulletinFormat Format => BulletinFormat.Docx;

    public string FileExtension => "docx";

    public string ContentType => "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>Bookmark of an item's section; Word bookmark names take letters, digits and underscores only.</summary>
    public static string BookmarkName(int position) => BulletinWording.SectionAnchor(position).Replace('-', '_');

    public byte[] Render(BulletinDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = package.AddMainDocumentPart();
            DocxParts.AddStyles(main);
            DocxParts.AddFontTable(main);
            var footerId = DocxParts.AddFooter(main);

            var body = new Body();
            AppendMasthead(body, document);
            AppendToc(body, document);
            AppendSections(body, main, document);
            body.Append(new SectionProperties(
                new FooterReference { Type = HeaderFooterValues.Default, Id = footerId },
                new PageSize { Width = PageWidth, Height = PageHeight },
                new PageMargin { Top = 2098, Right = MarginRight, Bottom = 1984, Left = MarginLeft, Header = 851, Footer = 992, Gutter = 0 }));
            main.Document = new Document(body);

            package.PackageProperties.Title = BulletinWording.IssueName(document, BulletinWording.SingleLine(_options.Title));
            package.PackageProperties.Creator = BulletinWording.SingleLine(_options.Publisher);
            package.PackageProperties.Language = "zh-CN";
        }

        return stream.ToArray();
    }

    private void AppendMasthead(Body body, BulletinDocument document)
    {
        body.Append(
            StyledParagraph(DocxParts.TitleStyle, BulletinWording.SingleLine(_options.Title)),
            StyledParagraph(DocxParts.MastheadStyle, BulletinWording.IssueLine(document.IssueNumber)),
            StyledParagraph(DocxParts.MastheadStyle, BulletinWording.SingleLine(_options.Publisher)),
            StyledParagraph(DocxParts.MastheadStyle, BulletinWording.ChineseDate(document.IssueDate)),
            StyledParagraph(DocxParts.Heading1Style, BulletinWording.LeadHeading),
            StyledParagraph(DocxParts.BodyStyle, BulletinWording.LeadSentence(document, BulletinWording.SingleLine(_options.Scope))));
    }

    private static void AppendToc(Body body, BulletinDocument document)
    {
        body.Append(StyledParagraph(DocxParts.Heading1Style, BulletinWording.TocHeading));
        for (var i = 0; i < document.Items.Count; i++)
        {
            var item = document.Items[i];
            var link = new Hyperlink(LinkRun(BulletinWording.TocTitleLine(i + 1, item))) { Anchor = BookmarkName(i + 1), History = true };
            body.Append(
                new Paragraph(new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { After = "0" }), link),
                new Paragraph(PlainRun(BulletinWording.TocMediaLine(item))));
        }
    }

    private static void AppendSections(Body body, MainDocumentPart main, BulletinDocument document)
    {
        var pictures = new DocxPictures(main);
        body.Append(StyledParagraph(DocxParts.Heading1Style, BulletinWording.ContentHeading));
        for (var i = 0; i < document.Items.Count; i++)
        {
            var item = document.Items[i];
            var bookmarkId = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            body.Append(new Paragraph(
                new ParagraphProperties(new ParagraphStyleId { Val = DocxParts.Heading2Style }),
                new BookmarkStart { Id = bookmarkId, Name = BookmarkName(i + 1) },
                PlainRun(BulletinWording.SectionTitleLine(i + 1, item)),
                new BookmarkEnd { Id = bookmarkId }));
            body.Append(new Paragraph(PlainRun(BulletinWording.MediaLine(item))));
            body.Append(LinkParagraph(main, item));
            body.Append(StyledParagraph(DocxParts.Heading2Style, BulletinWording.BodyLabel));
            foreach (var line in BulletinWording.ItemHeaderLines(item))
            {
                body.Append(new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }), PlainRun(line)));
            }

            foreach (var block in BulletinWording.BodyBlocks(item))
            {
                if (block.Picture is { } picture)
                {
                    body.Append(pictures.Render(picture));
                }
                else
                {
                    body.Append(StyledParagraph(DocxParts.BodyStyle, block.Paragraph!));
                }
            }
        }
    }

    private static Paragraph LinkParagraph(MainDocumentPart main, BulletinItem item)
    {
        var url = BulletinWording.SingleLine(item.Url);
        var paragraph = new Paragraph(PlainRun(BulletinWording.LinkLabel));
        if (BulletinWording.LinkTarget(item) is { } target)
        {
            var relationship = main.AddHyperlinkRelationship(target, isExternal: true);
            paragraph.Append(new Hyperlink(LinkRun(url)) { Id = relationship.Id, History = true });
        }
        else
        {
            paragraph.Append(PlainRun(url));
        }

        return paragraph;
    }

    private static Paragraph StyledParagraph(string styleId, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = styleId }), PlainRun(text));

    // Every run's text passes the sanitizer: one character XML refuses makes the whole package fail to save.
    private static Run PlainRun(string text) => new(new WordText(TextSanitizer.Clean(text)) { Space = SpaceProcessingModeValues.Preserve });

    private static Run LinkRun(string text) =>
        new(new RunProperties(new RunStyle { Val = DocxParts.HyperlinkStyle }), new WordText(TextSanitizer.Clean(text)) { Space = SpaceProcessingModeValues.Preserve });
}
