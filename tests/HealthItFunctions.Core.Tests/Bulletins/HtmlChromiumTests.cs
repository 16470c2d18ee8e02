using HealthItFunctions.Testing;
using System.Text.RegularExpressions;
using HealthItFunctions.Core.Bulletins;

namespace HealthItFunctions.Core.Tests.Bulletins;

/// <summary>
/// The HTML bulletin in a real browser engine: headless Chromium prints it to PDF at phone width, and the printed text
/// shows every 目录 title and a hostile title as literal characters (escaped, never executed or swallowed as markup).
/// Needs the apt packages chromium and poppler-utils.
/// </summary>
public sealed partial class HtmlChromiumTests
{
    [Fact]
    public async Task PrintToPdf_Issue41WithHostileItem_TitlesAndLiteralMarkupVisible()
    {
        var chromium = ExternalTool.Find("chromium", "chromium-browser", "google-chrome");
        var pdftotext = ExternalTool.Find("pdftotext");
        Assert.SkipWhen(chromium is null, "headless Chromium is not on PATH; install it with: apt-get install -y chromium fonts-noto-cjk poppler-utils");
        Assert.SkipWhen(pdftotext is null, "pdftotext is not on PATH; install it with: apt-get install -y poppler-utils");
        var reference = ReferenceBulletin.Load("2021-08-issue-041.txt");
        var document = Bulletins.Compose(reference.Month, [.. reference.Items, Bulletins.Hostile]);
        var work = Directory.CreateTempSubdirectory("bulletin-chromium-");
        try
        {
            var html = Path.Combine(work.FullName, "bulletin.html");
            var pdf = Path.Combine(work.FullName, "bulletin.pdf");
            await File.WriteAllBytesAsync(html, Bulletins.Html().Render(document), TestContext.Current.CancellationToken);

            var (exit, output) = await ExternalTool.RunAsync(
                chromium!,
                ["--headless", "--no-sandbox", "--disable-gpu", $"--user-data-dir={Path.Combine(work.FullName, "profile")}",
                 "--window-size=390,1200", "--no-pdf-header-footer", $"--print-to-pdf={pdf}", new Uri(html).AbsoluteUri],
                TimeSpan.FromMinutes(2));
            Assert.True(exit == 0 && File.Exists(pdf), $"chromium exited {exit} without a PDF:\n{output}");
            var (_, printed) = await ExternalTool.RunAsync(pdftotext!, ["-enc", "UTF-8", pdf, "-"], TimeSpan.FromMinutes(1));

            var text = Whitespace().Replace(printed, "");
            Assert.Contains("（第四十一期）", text, StringComparison.Ordinal);
            Assert.All(reference.Items, item => Assert.Contains(Whitespace().Replace(item.Title, ""), text, StringComparison.Ordinal));
            Assert.Contains("<script>alert(1)</script>北京&“互联网+”<b>", text, StringComparison.Ordinal);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
