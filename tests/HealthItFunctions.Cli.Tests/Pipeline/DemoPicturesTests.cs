using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using HealthItFunctions.Cli.Commands;
using HealthItFunctions.Core.Bulletins;
using HealthItFunctions.Testing;
using MimeKit;
using Drawing = DocumentFormat.OpenXml.Wordprocessing.Drawing;
using WordParagraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;

namespace HealthItFunctions.Cli.Tests.Pipeline;

/// <summary>
/// Issue 41's pictures through the whole demo (Azurite, the loopback replay, the SMTP server): the portrait with its
/// caption on item 1 and the eight 北京通 screenshots ①–⑧ on item 3, in place in the Markdown, the archived HTML, the
/// mail (cid: parts) and the .docx, which passes OpenXmlValidator and shows the pictures when LibreOffice lays it out.
/// </summary>
public sealed partial class DemoPicturesTests : IDisposable
{
    /// <summary>When set, the .docx page images are copied there (docs/images holds the committed ones).</summary>
    private const string PagesVariable = "BULLETIN_PAGES_DIR";

    /// <summary>The replay's body pictures of items 1 and 3: the portrait, and 12 on the qq page (its cap).</summary>
    private const int ReplayPictures = 13;

    private static readonly string[] Steps = ["①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧"];

    private readonly DirectoryInfo _output = Directory.CreateTempSubdirectory("healthit-pictures-");

    public void Dispose() => _output.Delete(recursive: true);

    [Fact]
    public async Task RunAsync_Replay2021_08_ShowsIssue41PicturesInPlaceInEveryFormat()
    {
        var exit = await DemoCommand.RunAsync(_output, BulletinMonth.Parse("2021-08"), TestContext.Current.CancellationToken);
        Assert.Equal(0, exit);

        var markdown = File.ReadAllText(Assert.Single(_output.GetFiles("bulletin-041-v*.md")).FullName);
        var pictures = PictureLine().Matches(markdown);
        Assert.Equal(ReplayPictures, pictures.Count);
        Assert.All(pictures, p => Assert.True(File.Exists(Path.Combine(_output.FullName, p.Groups["path"].Value)), p.Value));

        // Item 1: the portrait between the second paragraph and the subheading, its caption no longer a body line.
        var item1 = Section(markdown, 1);
        var portrait = Assert.Single(PictureLine().Matches(item1));
        Assert.Contains("付海鸿", portrait.Groups["caption"].Value);
        Assert.DoesNotMatch(@"(?m)^北京协和医院放射科高级工程师、中华医学会影像技术分会前主委 付海鸿$", item1);
        Assert.True(item1.IndexOf("在线论坛上", StringComparison.Ordinal) < portrait.Index && portrait.Index < item1.IndexOf("方兴未艾", StringComparison.Ordinal));

        // Item 3: the eight screenshots in order, each captioned with its step, after the sentence that introduces them.
        var item3 = Section(markdown, 3);
        var captions = PictureLine().Matches(item3).Select(m => m.Groups["caption"].Value).ToList();
        Assert.Equal(Steps, captions.Where(c => c.Length > 0 && Steps.Contains(c[..1])).Select(c => c[..1]));
        Assert.True(item3.IndexOf("通过北京通APP发起", StringComparison.Ordinal) < item3.IndexOf("![①", StringComparison.Ordinal));

        var html = File.ReadAllText(Assert.Single(_output.GetFiles("bulletin-041-v*.html")).FullName);
        var sources = ImageSource().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(pictures.Select(p => p.Groups["path"].Value), sources);

        // The readers' mail; the editors' draft notice before it carries the .docx only.
        var mails = new List<MimeMessage>();
        foreach (var eml in _output.GetFiles("*.eml"))
        {
            mails.Add(await MimeMessage.LoadAsync(eml.FullName, TestContext.Current.CancellationToken));
        }

        var mail = Assert.Single(mails, m => !(m.Subject ?? "").StartsWith("待审核：", StringComparison.Ordinal));
        var cids = ImageSource().Matches(mail.HtmlBody ?? "").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(ReplayPictures, cids.Count);
        Assert.All(cids, cid => Assert.StartsWith("cid:", cid));
        var related = mail.BodyParts.OfType<MimePart>().Where(p => p.ContentId is not null).ToDictionary(p => p.ContentId!);
        Assert.All(cids, cid => Assert.StartsWith("image/", related[cid["cid:".Length..]].ContentType.MimeType));

        var docx = Assert.Single(_output.GetFiles("bulletin-041-v*.docx")).FullName;
        using (var word = WordprocessingDocument.Open(docx, isEditable: false))
        {
            var errors = new OpenXmlValidator(FileFormatVersions.Microsoft365).Validate(word, TestContext.Current.CancellationToken).Select(e => $"{e.Path?.XPath} {e.Description}").ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
            var body = word.MainDocumentPart!.Document!.Body!;
            Assert.Equal(ReplayPictures, body.Descendants<Drawing>().Count());
            Assert.Equal(ReplayPictures, word.MainDocumentPart.ImageParts.Count());
            var paragraphs = body.Elements<WordParagraph>().ToList();
            var first = paragraphs.FindIndex(p => p.Descendants<Drawing>().Any());
            Assert.Contains("付海鸿", paragraphs[first + 1].InnerText);
        }

        Assert.SkipWhen(RenderedPages.MissingTools is not null, RenderedPages.MissingTools ?? "");
        var pages = _output.CreateSubdirectory("pages");
        var pngs = await RenderedPages.RenderAsync(docx, pages.FullName, dpi: 50);
        // 1.5 cm at 50 dpi: each picture is at least that on both sides, no line of text is that high.
        var regions = pngs.Sum(png => RenderedPages.CountPictureRegions(png, minSide: 30));
        Assert.Equal(ReplayPictures, regions);
        await CopyPagesAsync(docx);
    }

    private static string Section(string markdown, int item)
    {
        var start = markdown.IndexOf($"\n{item}. 标题：", StringComparison.Ordinal);
        var end = markdown.IndexOf($"\n{item + 1}. 标题：", start + 1, StringComparison.Ordinal);
        return markdown[start..(end < 0 ? markdown.Length : end)];
    }

    /// <summary>For the closing note: the pages that hold pictures, at a readable resolution, named bulletin-041-docx-page-NN.png.</summary>
    private static async Task CopyPagesAsync(string docx)
    {
        if (Environment.GetEnvironmentVariable(PagesVariable) is not { Length: > 0 } target)
        {
            return;
        }

        var work = Directory.CreateTempSubdirectory("pages-");
        try
        {
            const int dpi = 72;
            var pngs = await RenderedPages.RenderAsync(docx, work.FullName, dpi);
            Directory.CreateDirectory(target);
            for (var i = 0; i < pngs.Count; i++)
            {
                if (RenderedPages.CountPictureRegions(pngs[i], minSide: 43) > 0)
                {
                    File.Copy(pngs[i], Path.Combine(target, $"bulletin-041-docx-page-{i + 1:D2}.png"), overwrite: true);
                }
            }
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    [GeneratedRegex(@"(?m)^!\[(?<caption>(?:\\.|[^\]\\])*)\]\((?<path>images/[^)]+)\)$")]
    private static partial Regex PictureLine();

    [GeneratedRegex("<img src=\"([^\"]+)\"")]
    private static partial Regex ImageSource();
}
