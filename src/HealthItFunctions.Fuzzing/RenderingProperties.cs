using System.Text;
using System.Xml;
using CsCheck;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using HealthItFunctions.Core.Bulletins;
using HealthItFunctions.Core.Bulletins.Rendering;
using HealthItFunctions.Core.Text;
using HtmlAgilityPack;
using Microsoft.Extensions.Options;

namespace HealthItFunctions.Fuzzing;

/// <summary>A bulletin made of hostile strings, the masthead title (a setting) included.</summary>
public sealed record HostileBulletin(BulletinOptions Options, BulletinDocument Document)
{
    public int Size => Options.Title.Length + Document.Items.Sum(i => i.Title.Length + i.Media.Length + i.Url.Length + i.Paragraphs.Sum(p => p.Length));
}

/// <summary>The three bulletin renderers' properties: any strings in, a valid document out that shows them.</summary>
public static class RenderingProperties
{
    private static readonly BulletinMonth Month = BulletinMonth.Parse("2021-08");

    public static Gen<BulletinItem> Item { get; } = Gen.Select(
        HostileInputs.HostileString, HostileInputs.HostileString, HostileInputs.HostileString, HostileInputs.HostileString.Array[0, 4],
        (title, media, url, paragraphs) => new BulletinItem(title, media, url, null, paragraphs));

    public static Gen<HostileBulletin> Bulletin { get; } = Gen.Select(HostileInputs.HostileString, Item.Array[1, 4], (title, items) =>
    {
        var options = new BulletinOptions { Title = title };
        return new HostileBulletin(options, Compose(options, items));
    });

    public static FuzzTarget Text() => FuzzTarget.Create(
        "render-text", "random strings through the text (Markdown) bulletin", Bulletin, b => b.Size, b =>
        {
            var text = Decode(new MarkdownBulletinRenderer(Options.Create(b.Options)).Render(b.Document), "text");
            PropertyFailedException.Require(TextSanitizer.IsClean(text), () => "the text carries an invalid character");
        });

    public static FuzzTarget Html() => FuzzTarget.Create("render-html", "random strings through the HTML bulletin: well-formed, nothing injected", Bulletin, b => b.Size, CheckHtml);

    public static FuzzTarget Word() => FuzzTarget.Create("render-word", "random strings through the Word bulletin: XML-valid parts, a valid package", Bulletin, b => b.Size, b =>
        CheckDocx(new DocxBulletinRenderer(Options.Create(b.Options)).Render(b.Document)));

    /// <summary>
    /// Well-formed (every element closed and opened once), no element a field's text could have planted (no element
    /// beyond those of the same bulletin written in plain words), and each section title shown as written.
    /// </summary>
    public static void CheckHtml(HostileBulletin bulletin)
    {
        var renderer = new HtmlBulletinRenderer(Options.Create(bulletin.Options));
        var html = Decode(renderer.Render(bulletin.Document), "HTML");
        PropertyFailedException.Require(TextSanitizer.IsClean(html), () => "the HTML carries an invalid character");
        var page = Parse(html);
        PropertyFailedException.Require(!page.ParseErrors.Any(), () => "malformed HTML: " + string.Join("; ", page.ParseErrors.Take(3).Select(e => $"{e.Code} at {e.Line}:{e.LinePosition} {e.Reason}")));

        var plain = Compose(new BulletinOptions(), bulletin.Document.Items.Select(i => new BulletinItem("标题", "媒体", "https://example.org/a", null, i.Paragraphs.Select(_ => "正文").ToList())).ToList());
        var expected = Elements(Parse(Decode(renderer.Render(plain), "HTML")));
        foreach (var (name, count) in Elements(page))
        {
            PropertyFailedException.Require(count <= expected.GetValueOrDefault(name), () => $"{count} <{name}> elements where the plain bulletin has {expected.GetValueOrDefault(name)}: a field's text became markup");
        }

        var headings = page.DocumentNode.SelectNodes("//h3") ?? Enumerable.Empty<HtmlNode>();
        foreach (var (heading, i) in headings.Select((h, i) => (h, i)))
        {
            var shown = HtmlEntity.DeEntitize(heading.InnerText);
            var written = TextSanitizer.Clean(BulletinWording.SectionTitleLine(i + 1, bulletin.Document.Items[i]));
            PropertyFailedException.Require(shown == written, () => $"section {i + 1} shows {ParserProperties.Show(shown)} for {ParserProperties.Show(written)}");
        }
    }

    /// <summary>Every XML part reads with XML 1.0 character checking on, and the OpenXml validator finds no error.</summary>
    public static void CheckDocx(byte[] docx)
    {
        using var package = WordprocessingDocument.Open(new MemoryStream(docx), isEditable: false);
        var settings = new XmlReaderSettings { CheckCharacters = true, DtdProcessing = DtdProcessing.Prohibit };
        foreach (var part in package.GetAllParts().Where(p => p.ContentType.EndsWith("xml", StringComparison.Ordinal)))
        {
            try
            {
                using var reader = XmlReader.Create(part.GetStream(FileMode.Open, FileAccess.Read), settings);
                while (reader.Read())
                {
                }
            }
            catch (XmlException e)
            {
                throw new PropertyFailedException($"{part.Uri} is not valid XML: {e.Message}");
            }
        }

        var errors = new OpenXmlValidator().Validate(package).Select(e => $"{e.Path?.XPath}: {e.Description}").Take(3).ToList();
        PropertyFailedException.Require(errors.Count == 0, () => "invalid package: " + string.Join("; ", errors));
    }

    internal static BulletinDocument Compose(BulletinOptions options, IReadOnlyList<BulletinItem> items) =>
        new BulletinComposer(new IssueNumbering(Options.Create(options))).Compose(Month, items);

    private static string Decode(byte[] bytes, string format)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new PropertyFailedException($"the {format} is not valid UTF-8: {e.Message}");
        }
    }

    private static HtmlDocument Parse(string html)
    {
        var page = new HtmlDocument { OptionCheckSyntax = true };
        page.LoadHtml(html);
        return page;
    }

    private static Dictionary<string, int> Elements(HtmlDocument page) => page.DocumentNode.Descendants()
        .Where(n => n.NodeType == HtmlNodeType.Element)
        .GroupBy(n => n.Name)
        .ToDictionary(g => g.Key, g => g.Count());
}
