using HealthItFunctions.Core.Bulletins;
using HealthItFunctions.Core.Bulletins.Rendering;
using Microsoft.Extensions.Options;

namespace HealthItFunctions.Core.Tests.Bulletins;

/// <summary>Default-configured parts, as the container builds them.</summary>
internal static class Bulletins
{
    public static IOptions<BulletinOptions> Options(Action<BulletinOptions>? configure = null)
    {
        var options = new BulletinOptions();
        configure?.Invoke(options);
        return Microsoft.Extensions.Options.Options.Create(options);
    }

    public static BulletinDocument Compose(ReferenceBulletin reference) =>
        new BulletinComposer(new IssueNumbering(Options())).Compose(reference.Month, reference.Items);

    public static BulletinDocument Compose(BulletinMonth month, params BulletinItem[] items) =>
        new BulletinComposer(new IssueNumbering(Options())).Compose(month, items);

    public static MarkdownBulletinRenderer Markdown() => new(Options());

    public static HtmlBulletinRenderer Html() => new(Options());

    public static DocxBulletinRenderer Docx() => new(Options());

    /// <summary>Both golden issues: 41 (the demo month, with a 2021-09-01 item) and 36.</summary>
    public static TheoryData<string> GoldenIssues => new("2021-08-issue-041.txt", "2021-03-issue-036.txt");

    public static BulletinItem Hostile { get; } = new(
        "<script>alert(1)</script> 北京 & “互联网+” <b>",
        "媒体 <i>&</i>",
        "https://example.org/a?x=1&y=<2>",
        null,
        ["正文 <script>x</script> & 更多", "第二段 \"引号\" 'single'"]);
}
