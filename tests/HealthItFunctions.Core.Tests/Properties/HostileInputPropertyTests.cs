using System.Diagnostics;
using System.Text;
using System.Xml;
using CsCheck;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using HealthItFunctions.Core.Bulletins;
using HealthItFunctions.Core.Extraction;
using HealthItFunctions.Core.Pipeline;
using HealthItFunctions.Core.Review;
using HealthItFunctions.Core.Tests.Bulletins;
using HealthItFunctions.Core.Tests.Extraction;
using HealthItFunctions.Core.Text;

namespace HealthItFunctions.Core.Tests.Properties;

/// <summary>
/// Property tests over the parsers and renderers, with a fixed seed and a fixed number of inputs (so a failure
/// reproduces and the run time is bounded): no exception escapes, the output is valid, and the slowest input is
/// reported. Longer runs: <c>healthit benchmark fuzz --minutes N</c>.
/// </summary>
public sealed class HostileInputPropertyTests(ITestOutputHelper output)
{
    private static readonly Uri PageUrl = new("https://news.example.cn/a/1.html");

    [Fact]
    public void Read_HostilePages_NeverThrowAndLeaveOnlyCleanText()
    {
        var reader = new ArticleReader(Fixture.Extractor());
        var pcg = HostileInputs.Seed();
        var slowest = TimeSpan.Zero;
        var articles = 0;
        const int pages = 150;
        for (var i = 0; i < pages; i++)
        {
            var (bytes, contentType) = HostileInputs.PageBytes.Generate(pcg, null, out _);
            var watch = Stopwatch.StartNew();
            var result = reader.Read(bytes, contentType, PageUrl, Fixture.FetchedAt);
            slowest = Max(slowest, watch.Elapsed);
            if (result.Article is { } article)
            {
                articles++;
                Assert.All(article.Paragraphs.Append(article.Title).Append(article.Source ?? "").Append(article.Author ?? ""),
                    text => Assert.True(TextSanitizer.IsClean(text), $"page {i}: unclean field {Escape(text)}"));
            }
            else
            {
                Assert.False(string.IsNullOrWhiteSpace(result.Detail), $"page {i}: no reason given");
            }
        }

        output.WriteLine($"{pages} hostile pages, {articles} read as articles, slowest {slowest.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public void Render_AnyStrings_EveryFormatValid()
    {
        var pcg = HostileInputs.Seed();
        var items = Gen.Select(HostileInputs.AnyString, HostileInputs.AnyString, HostileInputs.AnyString, HostileInputs.AnyString.Array[0, 4],
            (title, media, url, paragraphs) => new BulletinItem(title, media, url, null, paragraphs)).Array[1, 4];
        const int documents = 60;
        for (var i = 0; i < documents; i++)
        {
            var document = Bulletins.Bulletins.Compose(BulletinMonth.Parse("2021-08"), items.Generate(pcg, null, out _));

            var markdown = Encoding.UTF8.GetString(Bulletins.Bulletins.Markdown().Render(document));
            Assert.True(TextSanitizer.IsClean(markdown), $"document {i}: Markdown carries an invalid character");
            var html = Encoding.UTF8.GetString(Bulletins.Bulletins.Html().Render(document));
            Assert.True(TextSanitizer.IsClean(html), $"document {i}: HTML carries an invalid character");
            AssertValidDocx(Bulletins.Bulletins.Docx().Render(document), i);
        }

        output.WriteLine($"{documents} bulletins of random strings rendered in three formats");
    }

    [Fact]
    public void Parse_RandomJson_EveryBodyAndMessageAnswersWithoutThrowing()
    {
        var pcg = HostileInputs.Seed();
        const int bodies = 2000;
        var accepted = 0;
        for (var i = 0; i < bodies; i++)
        {
            var json = HostileInputs.Json.Generate(pcg, null, out _);
            accepted += ReviewRequests.TryParsePatch(json, out var patch, out _) ? 1 : 0;
            if (patch?.Title is { } title)
            {
                Assert.True(TextSanitizer.IsClean(title), $"body {i}: an edited title keeps an invalid character");
            }

            ReviewRequests.TryParseAdd(json, out _, out _);
            ReviewRequests.TryParseConfirm(json, json, out _, out _);
            ReviewRequests.TryMonth(json, out _, out _);
            ReviewRequests.TryArticleId(json, out _);
            QueueMessageCodec.TryDecode<ArticleFetchMessage>(json, out _, out _);
            QueueMessageCodec.TryDecode<SourcePollMessage>(json, out _, out _);
        }

        output.WriteLine($"{bodies} JSON bodies through every API parser and both queue decoders; {accepted} accepted as patches");
    }

    [Fact]
    public void Clean_AnyString_IsIdempotentAndXmlWritable()
    {
        var pcg = HostileInputs.Seed();
        var settings = new XmlWriterSettings { CheckCharacters = true };
        for (var i = 0; i < 5000; i++)
        {
            var clean = TextSanitizer.Clean(HostileInputs.AnyString.Generate(pcg, null, out _));

            Assert.Same(clean, TextSanitizer.Clean(clean));
            using var writer = XmlWriter.Create(new StringWriter(), settings);
            writer.WriteElementString("t", clean);
        }
    }

    private static void AssertValidDocx(byte[] docx, int index)
    {
        using var package = WordprocessingDocument.Open(new MemoryStream(docx), isEditable: false);
        var errors = new OpenXmlValidator().Validate(package).Select(e => e.Description).ToList();
        Assert.True(errors.Count == 0, $"document {index}: " + string.Join("; ", errors));
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static string Escape(string text) => string.Concat(text.Take(80).Select(c => c < ' ' || c > '~' ? $"\\u{(int)c:X4}" : c.ToString()));
}
