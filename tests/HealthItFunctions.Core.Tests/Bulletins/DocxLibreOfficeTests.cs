using HealthItFunctions.Testing;
using System.Text;
using System.Text.RegularExpressions;
using HealthItFunctions.Core.Bulletins;

namespace HealthItFunctions.Core.Tests.Bulletins;

/// <summary>
/// The Word bulletin opens in a real word processor: LibreOffice converts it to PDF headless, and the PDF's text
/// holds the 期号 and every 目录 title. Needs the apt packages libreoffice-writer, fonts-noto-cjk and poppler-utils.
/// </summary>
public sealed partial class DocxLibreOfficeTests
{
    /// <summary>When set, the rendered files and the PDF are copied there (for looking at them by eye).</summary>
    private const string ArtifactsVariable = "BULLETIN_ARTIFACTS_DIR";

    [Fact]
    public async Task ConvertToPdf_Issue41_PdfHoldsIssueNumberAndEveryTocTitle()
    {
        var soffice = ExternalTool.Find("soffice", "libreoffice");
        var pdftotext = ExternalTool.Find("pdftotext");
        Assert.SkipWhen(soffice is null, "LibreOffice (soffice) is not on PATH; install it with: apt-get install -y libreoffice-writer fonts-noto-cjk poppler-utils");
        Assert.SkipWhen(pdftotext is null, "pdftotext is not on PATH; install it with: apt-get install -y poppler-utils");
        var reference = ReferenceBulletin.Load("2021-08-issue-041.txt");
        var document = Bulletins.Compose(reference);
        var work = Directory.CreateTempSubdirectory("bulletin-lo-");
        var profile = Path.Combine(Path.GetTempPath(), $"lo-{Guid.NewGuid():N}");
        try
        {
            var docx = Path.Combine(work.FullName, "bulletin-041.docx");
            await File.WriteAllBytesAsync(docx, Bulletins.Docx().Render(document), TestContext.Current.CancellationToken);

            var (exit, output) = await ExternalTool.RunAsync(
                soffice!,
                [$"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf", "--outdir", work.FullName, docx],
                TimeSpan.FromMinutes(3));
            var pdf = Path.ChangeExtension(docx, ".pdf");
            Assert.True(exit == 0 && File.Exists(pdf), $"soffice exited {exit} without a PDF:\n{output}");
            var (textExit, textOutput) = await ExternalTool.RunAsync(pdftotext!, ["-enc", "UTF-8", pdf, "-"], TimeSpan.FromMinutes(1));
            Assert.Equal(0, textExit);

            var text = Squash(textOutput);
            Assert.Contains("（第四十一期）", text, StringComparison.Ordinal);
            Assert.Contains("2021年08月31日", text, StringComparison.Ordinal);
            Assert.All(reference.Items, item => Assert.Contains(Squash(item.Title), text, StringComparison.Ordinal));
            Assert.Matches("第1页，共[2-9]\\d*页", text);
            CopyArtifacts(work, document);
        }
        finally
        {
            work.Delete(recursive: true);
            if (Directory.Exists(profile))
            {
                Directory.Delete(profile, recursive: true);
            }
        }
    }

    /// <summary>PDF text breaks long titles across lines and may space CJK glyphs; compare without whitespace.</summary>
    private static string Squash(string text) => Whitespace().Replace(text, "");

    private static void CopyArtifacts(DirectoryInfo work, BulletinDocument document)
    {
        var target = Environment.GetEnvironmentVariable(ArtifactsVariable);
        if (string.IsNullOrEmpty(target))
        {
            return;
        }

        Directory.CreateDirectory(target);
        foreach (var file in work.GetFiles())
        {
            file.CopyTo(Path.Combine(target, file.Name), overwrite: true);
        }

        File.WriteAllBytes(Path.Combine(target, "bulletin-041.html"), Bulletins.Html().Render(document));
        File.WriteAllBytes(Path.Combine(target, "bulletin-041.md"), Bulletins.Markdown().Render(document));
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
