using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using HealthItFunctions.Core.Bulletins;
using HealthItFunctions.Core.Bulletins.Rendering;

namespace HealthItFunctions.Core.Tests.Bulletins;

public sealed class DocxBulletinRendererTests
{
    [Theory]
    [MemberData(nameof(Bulletins.GoldenIssues), MemberType = typeof(Bulletins))]
    public void Render_ReferenceIssueItems_ParagraphsMatchReferenceLineByLine(string fileName)
    {
        var reference = ReferenceBulletin.Load(fileName);

        var docx = Bulletins.Docx().Render(Bulletins.Compose(reference));

        BulletinLines.AssertSame(reference.Lines, BulletinLines.OfDocx(docx), fileName);
    }

    [Theory]
    [MemberData(nameof(Bulletins.GoldenIssues), MemberType = typeof(Bulletins))]
    public void Render_ReferenceIssue_OpenXmlValidatorFindsNoErrors(string fileName)
    {
        var docx = Bulletins.Docx().Render(Bulletins.Compose(ReferenceBulletin.Load(fileName)));

        AssertValid(docx);
    }

    [Fact]
    public void Render_HostileFields_ValidAndLiteralText()
    {
        var docx = Bulletins.Docx().Render(Bulletins.Compose(BulletinMonth.Parse("2021-08"), Bulletins.Hostile with { Title = Bulletins.Hostile.Title + "\u0001\u000b" }));

        AssertValid(docx);
        var lines = BulletinLines.OfDocx(docx);
        Assert.Contains("1. " + Bulletins.Hostile.Title, lines);
        Assert.Contains("正文 <script>x</script> & 更多", lines);
    }

    [Theory]
    [InlineData(0xFFFE)]
    [InlineData(0xFFFF)]
    [InlineData(0xD800)]
    [InlineData(0xDFFF)]
    [InlineData(0x0008)]
    public void Render_XmlInvalidCharacterInAnyField_ValidDocument(int codeUnit)
    {
        // A code unit, not a string: attribute strings cannot carry a lone surrogate.
        var bad = ((char)codeUnit).ToString();
        var item = new BulletinItem("标题" + bad, "媒体" + bad, "https://example.org/a" + bad, null, ["正文" + bad, bad]);

        var docx = Bulletins.Docx().Render(Bulletins.Compose(BulletinMonth.Parse("2021-08"), item));

        AssertValid(docx);
        Assert.Contains(BulletinLines.OfDocx(docx), line => line.StartsWith("正文", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_Items_TocHyperlinksPointAtSectionBookmarks()
    {
        using var package = Open(Bulletins.Docx().Render(TwoItems()));
        var body = package.MainDocumentPart!.Document!.Body!;

        var anchors = body.Descendants<Hyperlink>().Where(h => h.Anchor is not null).Select(h => h.Anchor!.Value).ToList();
        var bookmarks = body.Descendants<BookmarkStart>().ToDictionary(b => b.Name!.Value!, b => b.Parent!);

        Assert.Equal(["item_1", "item_2"], anchors);
        Assert.Equal("1. 标题：甲", bookmarks["item_1"].InnerText);
        Assert.Equal("2. 标题：乙", bookmarks["item_2"].InnerText);
        Assert.All(bookmarks.Values, p => Assert.Equal("Heading2", ((Paragraph)p).ParagraphProperties!.ParagraphStyleId!.Val!.Value));
    }

    [Fact]
    public void Render_Items_LinkLinesAreExternalHyperlinks()
    {
        using var package = Open(Bulletins.Docx().Render(TwoItems()));
        var main = package.MainDocumentPart!;

        var targets = main.Document!.Body!.Descendants<Hyperlink>().Where(h => h.Id is not null)
            .Select(h => main.HyperlinkRelationships.Single(r => r.Id == h.Id!.Value).Uri.AbsoluteUri)
            .ToList();

        Assert.Equal(["https://a.example/1", "https://b.example/2?x=1&y=2"], targets);
        Assert.All(main.HyperlinkRelationships, r => Assert.True(r.IsExternal));
    }

    [Fact]
    public void Render_AnyDocument_HeadingStylesChineseFontsAndPageNumberFooter()
    {
        using var package = Open(Bulletins.Docx().Render(TwoItems()));
        var main = package.MainDocumentPart!;
        var styles = main.StyleDefinitionsPart!.Styles!;

        var heading1 = styles.Elements<Style>().Single(s => s.StyleId == "Heading1");
        Assert.Equal(0, heading1.StyleParagraphProperties!.OutlineLevel!.Val!.Value);
        Assert.Equal("宋体", heading1.StyleRunProperties!.RunFonts!.EastAsia!.Value);
        var defaults = styles.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!.RunFonts!;
        Assert.Equal(("仿宋", "Times New Roman"), (defaults.EastAsia!.Value, defaults.Ascii!.Value));
        Assert.Contains(main.FontTablePart!.Fonts!.Elements<Font>(), f => f.Name == "仿宋" && f.AltName!.Val == "FangSong");

        var usedStyles = main.Document!.Body!.Descendants<ParagraphStyleId>().Select(s => s.Val!.Value).ToHashSet();
        Assert.Superset(new HashSet<string?> { "Title", "Heading1", "Heading2", "BodyText" }, usedStyles);

        var footer = main.FooterParts.Single().Footer!;
        Assert.Contains(footer.Descendants<FieldCode>(), f => f.Text.Trim() == "PAGE");
        var footerId = main.GetIdOfPart(main.FooterParts.Single());
        Assert.Equal(footerId, main.Document.Body.GetFirstChild<SectionProperties>()!.GetFirstChild<FooterReference>()!.Id!.Value);
    }

    internal static BulletinDocument TwoItems() => Bulletins.Compose(
        BulletinMonth.Parse("2021-08"),
        new BulletinItem("甲", "媒体甲", "https://a.example/1", null, ["一"]),
        new BulletinItem("乙", "媒体乙", "https://b.example/2?x=1&y=2", null, ["二"]));

    private static WordprocessingDocument Open(byte[] docx) => WordprocessingDocument.Open(new MemoryStream(docx), false);

    private static void AssertValid(byte[] docx)
    {
        using var package = Open(docx);
        var errors = new OpenXmlValidator(FileFormatVersions.Microsoft365).Validate(package)
            .Select(e => $"{e.Path?.XPath} {e.Description}")
            .ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
