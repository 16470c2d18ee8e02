using HealthItFunctions.Core.Extraction;
using HealthItFunctions.Core.Text;

namespace HealthItFunctions.Cli.Pages;

/// <summary>Bytes as saved to a decoded page to an extraction: the same front door polling uses.</summary>
internal sealed class SavedPageExtractor(IArticleExtractor extractor)
{
    public ExtractionResult Extract(ReadOnlySpan<byte> bytes, Uri? url)
    {
        var decoded = HtmlDecoder.Decode(bytes);
        return extractor.Extract(new HtmlPage(decoded.Text, url));
    }
}
