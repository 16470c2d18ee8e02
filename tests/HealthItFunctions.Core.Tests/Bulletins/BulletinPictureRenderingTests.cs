using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using HealthItFunctions.Core.Bulletins;
using SkiaSharp;

namespace HealthItFunctions.Core.Tests.Bulletins;

/// <summary>Pictures where the article had them, in each format: the same blocks in the same order.</summary>
public sealed class BulletinPictureRenderingTests
{
    private static readonly BulletinMonth August = BulletinMonth.Parse("2021-08");

    private static BulletinPicture Picture(int position, string name, string? caption, int width = 540, int height = 1170)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SteelBlue);
        }

        using var png = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return new BulletinPicture(position, name, "image/png", png.ToArray(), width, height, caption);
    }

    private static BulletinDocument Document() => Bulletins.Compose(August, new BulletinItem("标题", "媒体", "https://example.org/1", null, ["第一段", "第二段", "第三段"])
    {
        Pictures = [Picture(1, "a-00.png", "① 主页点击【出生证申领】"), Picture(1, "a-01.png", null), Picture(9, "a-02.png", "[说明] \\ 末尾")],
    });

    [Fact]
    public void BodyBlocks_PicturesAtPositions_InterleavedAndPastTheEndClosesTheBody()
    {
        var blocks = BulletinWording.BodyBlocks(Document().Items[0]).Select(b => b.Paragraph ?? b.Picture!.FileName);

        Assert.Equal(["第一段", "a-00.png", "a-01.png", "第二段", "第三段", "a-02.png"], blocks);
    }

    [Fact]
    public void RenderMarkdown_Pictures_ImageLinesWithEscapedCaptionsInPlace()
    {
        var markdown = Encoding.UTF8.GetString(Bulletins.Markdown().Render(Document()));

        Assert.Contains("第一段\n\n![① 主页点击【出生证申领】](images/a-00.png)\n\n![](images/a-01.png)\n\n第二段", markdown);
        Assert.Contains("第三段\n\n![\\[说明\\] \\\\ 末尾](images/a-02.png)\n", markdown);
    }

    [Fact]
    public void RenderHtml_ArchiveAndMail_ArchiveUsesImagesFolderAndMailUsesContentIds()
    {
        var archive = Encoding.UTF8.GetString(Bulletins.Html().Render(Document()));
        var mail = Encoding.UTF8.GetString(Bulletins.Html().RenderForMail(Document()));

        Assert.Contains("<img src=\"images/a-00.png\" alt=\"① 主页点击【出生证申领】\" width=\"540\"", archive);
        Assert.Contains("<img src=\"cid:a-00.png\"", mail);
        Assert.DoesNotContain("images/", mail);
        Assert.True(archive.IndexOf("第一段", StringComparison.Ordinal) < archive.IndexOf("a-00.png", StringComparison.Ordinal));
        Assert.True(archive.IndexOf("a-01.png", StringComparison.Ordinal) < archive.IndexOf("第二段", StringComparison.Ordinal));
    }

    [Fact]
    public void RenderDocx_Pictures_ValidInlinePicturesWithCaptionsScaledIntoTheColumn()
    {
        var docx = Bulletins.Docx().Render(Document());

        using var package = WordprocessingDocument.Open(new MemoryStream(docx), isEditable: false);
        var errors = new OpenXmlValidator(FileFormatVersions.Microsoft365).Validate(package, TestContext.Current.CancellationToken).Select(e => $"{e.Path?.XPath} {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var body = package.MainDocumentPart!.Document!.Body!;
        var paragraphs = body.Elements<Paragraph>().ToList();
        var withPictures = paragraphs.Select((p, i) => (p, i)).Where(x => x.p.Descendants<Drawing>().Any()).Select(x => x.i).ToList();
        Assert.Equal(3, withPictures.Count);
        Assert.Equal(3, package.MainDocumentPart.ImageParts.Count());
        Assert.Equal("① 主页点击【出生证申领】", paragraphs[withPictures[0] + 1].InnerText);
        Assert.Equal("Caption", paragraphs[withPictures[0] + 1].ParagraphProperties?.ParagraphStyleId?.Val?.Value);
        Assert.Equal("第二段", paragraphs[withPictures[1] + 1].InnerText);
        var extents = body.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.Extent>().ToList();
        // A phone screenshot is held to 10 cm high, its width following the aspect ratio.
        Assert.All(extents, e => Assert.Equal(3_600_000L, e.Cy!.Value));
        Assert.All(extents, e => Assert.InRange(e.Cx!.Value, 1_660_000L, 1_662_000L));
        Assert.Equal(3, body.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties>().Select(d => d.Id!.Value).Distinct().Count());
    }
}
