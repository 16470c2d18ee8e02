using System.Xml;
using CsCheck;
using HealthItFunctions.Core.Extraction;
using HealthItFunctions.Core.Tests.Extraction;
using HealthItFunctions.Core.Text;
using HealthItFunctions.Fuzzing;

namespace HealthItFunctions.Core.Tests.Properties;

/// <summary>
/// The property tests over the parsers and renderers (generators and properties in HealthItFunctions.Fuzzing), with a
/// fixed seed and a fixed number of inputs, so a failure reproduces and the run time is bounded: no exception escapes,
/// the output is valid, and each input stays within its target's time bound. Longer runs: <c>healthit-bench fuzz --minutes N</c>.
/// </summary>
public sealed class HostileInputPropertyTests(ITestOutputHelper output)
{
    [Fact]
    public void Read_HostilePages_NeverThrowAndLeaveOnlyCleanText() =>
        AssertHolds(ParserProperties.Extraction(new ArticleReader(Fixture.Extractor())), inputs: 150);

    [Fact]
    public void RenderText_AnyStrings_OutputClean() => AssertHolds(RenderingProperties.Text(), inputs: 60);

    [Fact]
    public void RenderHtml_AnyStrings_WellFormedAndNothingInjected() => AssertHolds(RenderingProperties.Html(), inputs: 60);

    [Fact]
    public void RenderWord_AnyStrings_XmlValidPartsAndValidPackage() => AssertHolds(RenderingProperties.Word(), inputs: 40);

    [Fact]
    public void ReviewApi_RandomJson_EveryParserAnswersWithoutThrowing() => AssertHolds(ParserProperties.ReviewApi(), inputs: 2000);

    [Fact]
    public void QueueMessages_RandomJson_DecodedOrRefusedWithAReason() => AssertHolds(ParserProperties.QueueMessages(), inputs: 2000);

    [Fact]
    public void Clean_AnyString_IsIdempotentAndXmlWritable()
    {
        var pcg = HostileInputs.Seed();
        var settings = new XmlWriterSettings { CheckCharacters = true };
        for (var i = 0; i < 5000; i++)
        {
            var clean = TextSanitizer.Clean(HostileInputs.HostileString.Generate(pcg, null, out _));

            Assert.Same(clean, TextSanitizer.Clean(clean));
            using var writer = XmlWriter.Create(new StringWriter(), settings);
            writer.WriteElementString("t", clean);
        }
    }

    private void AssertHolds(FuzzTarget target, int inputs)
    {
        var tally = FuzzRunner.Run(target, FuzzRunner.TestSeed, inputs);

        output.WriteLine($"{target.Name}: {tally.Inputs} inputs, worst {tally.Worst.TotalMilliseconds:0} ms (input {tally.WorstInput}, size {tally.WorstSize})");
        Assert.True(tally.Failures.Count == 0, string.Join("\n", tally.Failures.Take(5).Select(f => $"{f.Replay} (size {f.Size}): {f.Problem}")));
    }
}
