using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace HealthItFunctions.Core.Bulletins.Rendering;

/// <summary>
/// The styles, font table and footer of the Word bulletin. Chinese official documents set titles in 宋体 and text in 仿宋;
/// each run names them as East Asian fonts with Times New Roman for Latin text, and the font table gives the
/// English family names so a machine without the Chinese names (LibreOffice on Linux) still finds a match.
/// </summary>
internal static class DocxParts
{
    public const string TitleStyle = "Title";
    public const string MastheadStyle = "BulletinMasthead";
    public const string Heading1Style = "Heading1";
    public const string Heading2Style = "Heading2";
    public const string BodyStyle = "BodyText";
    public const string HyperlinkStyle = "Hyperlink";
    public const string CaptionStyle = "Caption";

    private const string Latin = "Times New Roman";
    private const string Song = "宋体";
    private const string FangSong = "仿宋";

    public static RunFonts Fonts(string eastAsia) => new()
    {
        Ascii = Latin,
        HighAnsi = Latin,
        ComplexScript = Latin,
        EastAsia = eastAsia,
        Hint = FontTypeHintValues.EastAsia,
    };

    public static void AddStyles(MainDocumentPart main)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        part.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    Fonts(FangSong),
                    new FontSize { Val = "28" },
                    new FontSizeComplexScript { Val = "28" },
                    new Languages { Val = "en-US", EastAsia = "zh-CN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "120", Line = "400", LineRule = LineSpacingRuleValues.Auto }))),
            ParagraphStyle("Normal", "Normal", basedOn: null, isDefault: true, new StyleParagraphProperties(), new StyleRunProperties()),
            ParagraphStyle(TitleStyle, "Title", "Normal", isDefault: false,
                new StyleParagraphProperties(
                    new SpacingBetweenLines { Before = "240", After = "240" },
                    new Justification { Val = JustificationValues.Center }),
                new StyleRunProperties(Fonts(Song), new Bold(), new Color { Val = "C00000" }, new FontSize { Val = "44" }, new FontSizeComplexScript { Val = "44" })),
            ParagraphStyle(MastheadStyle, "Bulletin Masthead", "Normal", isDefault: false,
                new StyleParagraphProperties(new Justification { Val = JustificationValues.Center }),
                new StyleRunProperties(Fonts(FangSong), new FontSize { Val = "32" }, new FontSizeComplexScript { Val = "32" })),
            ParagraphStyle(Heading1Style, "heading 1", "Normal", isDefault: false,
                new StyleParagraphProperties(
                    new KeepNext(),
                    new SpacingBetweenLines { Before = "360", After = "120" },
                    new OutlineLevel { Val = 0 }),
                new StyleRunProperties(Fonts(Song), new Bold(), new FontSize { Val = "32" }, new FontSizeComplexScript { Val = "32" })),
            ParagraphStyle(Heading2Style, "heading 2", "Normal", isDefault: false,
                new StyleParagraphProperties(
                    new KeepNext(),
                    new SpacingBetweenLines { Before = "240", After = "120" },
                    new OutlineLevel { Val = 1 }),
                new StyleRunProperties(Fonts(Song), new Bold(), new FontSize { Val = "28" }, new FontSizeComplexScript { Val = "28" })),
            ParagraphStyle(BodyStyle, "Body Text", "Normal", isDefault: false,
                new StyleParagraphProperties(new Indentation { FirstLineChars = 200, FirstLine = "560" }),
                new StyleRunProperties()),
            ParagraphStyle(CaptionStyle, "caption", "Normal", isDefault: false,
                new StyleParagraphProperties(
                    new SpacingBetweenLines { Before = "60", After = "200" },
                    new Justification { Val = JustificationValues.Center }),
                new StyleRunProperties(new Color { Val = "595959" }, new FontSize { Val = "24" }, new FontSizeComplexScript { Val = "24" })),
            new Style(
                new StyleName { Val = "Hyperlink" },
                new UIPriority { Val = 99 },
                new UnhideWhenUsed(),
                new StyleRunProperties(new Color { Val = "0563C1" }, new Underline { Val = UnderlineValues.Single }))
            {
                Type = StyleValues.Character,
                StyleId = HyperlinkStyle,
            });
    }

    public static void AddFontTable(MainDocumentPart main)
    {
        var part = main.AddNewPart<FontTablePart>();
        part.Fonts = new Fonts(
            FontEntry(Latin, altName: null, charSet: "00", FontFamilyValues.Roman),
            FontEntry(Song, altName: "SimSun", charSet: "86", FontFamilyValues.Auto),
            FontEntry(FangSong, altName: "FangSong", charSet: "86", FontFamilyValues.Modern));
    }

    /// <summary>A centred 第 N 页 / 共 M 页 footer whose numbers are PAGE and NUMPAGES fields, filled in by the word processor.</summary>
    public static string AddFooter(MainDocumentPart main)
    {
        var part = main.AddNewPart<FooterPart>();
        part.Footer = new Footer(new Paragraph(
            new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            TextRun("第 "),
            FieldRuns("PAGE", "1"),
            TextRun(" 页，共 "),
            FieldRuns("NUMPAGES", "1"),
            TextRun(" 页")));
        return main.GetIdOfPart(part);
    }

    private static Run TextRun(string text) =>
        new(new RunProperties(Fonts(FangSong), new FontSize { Val = "21" }), new WordText(text) { Space = SpaceProcessingModeValues.Preserve });

    private static OpenXmlElement FieldRuns(string field, string placeholder) =>
        new Run(
            new RunProperties(Fonts(FangSong), new FontSize { Val = "21" }),
            new FieldChar { FieldCharType = FieldCharValues.Begin },
            new FieldCode($" {field} ") { Space = SpaceProcessingModeValues.Preserve },
            new FieldChar { FieldCharType = FieldCharValues.Separate },
            new WordText(placeholder),
            new FieldChar { FieldCharType = FieldCharValues.End });

    private static Style ParagraphStyle(
        string id, string name, string? basedOn, bool isDefault, StyleParagraphProperties paragraph, StyleRunProperties run)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
        style.Append(new StyleName { Val = name });
        if (basedOn is not null)
        {
            style.Append(new BasedOn { Val = basedOn }, new NextParagraphStyle { Val = "Normal" });
        }

        style.Append(new PrimaryStyle(), paragraph, run);
        if (isDefault)
        {
            style.Default = true;
        }

        return style;
    }

    private static Font FontEntry(string name, string? altName, string charSet, FontFamilyValues family)
    {
        var font = new Font { Name = name };
        if (altName is not null)
        {
            font.Append(new AltName { Val = altName });
        }

        font.Append(new FontCharSet { Val = charSet }, new FontFamily { Val = family }, new Pitch { Val = FontPitchValues.Variable });
        return font;
    }
}
