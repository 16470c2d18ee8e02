using System.Text;
using HealthItFunctions.Core.Text;

namespace HealthItFunctions.Core.Tests.Text;

/// <summary>Pages stitched from GBK and UTF-8 parts are decoded run by run, with the evidence saying so.</summary>
public sealed class MixedDecoderTests
{
    private const string GbText = "北京市卫生健康委员会发布互联网医院管理办法，首批接入二十三家市属医院。";
    private const string Utf8Text = "网站地图｜联系我们｜版权所有";

    private static Encoding Gb => Encoding.GetEncoding(54936);

    static MixedDecoderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static byte[] Page(params (string Text, Encoding Encoding)[] parts) =>
        [.. parts.SelectMany(p => p.Encoding.GetBytes(p.Text))];

    [Fact]
    public void Decode_GbkPageWithUtf8Footer_BothPartsReadable()
    {
        var bytes = Page(("<html><head><meta charset=\"gb2312\"></head><body><p>", Encoding.ASCII), (GbText, Gb), ("</p><div>", Encoding.ASCII), (Utf8Text, Encoding.UTF8), ("</div></body></html>", Encoding.ASCII));

        var decoded = HtmlDecoder.Decode(bytes);

        Assert.Contains(GbText, decoded.Text, StringComparison.Ordinal);
        Assert.Contains(Utf8Text, decoded.Text, StringComparison.Ordinal);
        Assert.StartsWith("mixed:utf-8(1 runs", decoded.Evidence, StringComparison.Ordinal);
        Assert.Equal("GB18030", decoded.Encoding.WebName, ignoreCase: true);
    }

    [Fact]
    public void Decode_Utf8PageWithGbkQuote_BothPartsReadable()
    {
        var bytes = Page(("<html><body><p>", Encoding.ASCII), (Utf8Text + Utf8Text + Utf8Text, Encoding.UTF8), ("</p><blockquote>", Encoding.ASCII), (GbText, Gb), ("</blockquote></body></html>", Encoding.ASCII));

        var decoded = HtmlDecoder.Decode(bytes);

        Assert.Contains(GbText, decoded.Text, StringComparison.Ordinal);
        Assert.Contains(Utf8Text, decoded.Text, StringComparison.Ordinal);
        Assert.StartsWith("mixed:", decoded.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_GbkTrailByteInAsciiRange_StaysWithItsLead()
    {
        // "丂" is 81 40 in GBK: the '@'-valued trail byte must not end the run.
        const string rare = "丂字样";
        var bytes = Page(("<p>", Encoding.ASCII), (GbText + rare, Gb), ("</p><p>", Encoding.ASCII), (Utf8Text, Encoding.UTF8), ("</p>", Encoding.ASCII));

        var decoded = HtmlDecoder.Decode(bytes);

        Assert.Contains(GbText + rare, decoded.Text, StringComparison.Ordinal);
        Assert.Contains(Utf8Text, decoded.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_PureGbkPage_NotMixed()
    {
        var bytes = Page(("<html><head><meta charset=\"gbk\"></head><body><p>", Encoding.ASCII), (GbText + GbText, Gb), ("</p><p>", Encoding.ASCII), ("网站地图联系我们", Gb), ("</p></body></html>", Encoding.ASCII));

        var decoded = HtmlDecoder.Decode(bytes);

        Assert.Equal("meta:gbk", decoded.Evidence);
        Assert.Contains(GbText, decoded.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_Utf8WithOneDamagedByte_NotMixed()
    {
        var good = Encoding.UTF8.GetBytes("<p>" + Utf8Text + GbText + "</p>");
        var bytes = good.Take(3).Append((byte)0xC3).Concat(good.Skip(3)).ToArray();

        var decoded = HtmlDecoder.Decode(bytes);

        Assert.StartsWith("utf8-mostly-valid", decoded.Evidence, StringComparison.Ordinal);
    }
}
