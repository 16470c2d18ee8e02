using System.Text;
using HealthItFunctions.Core.Text;

namespace HealthItFunctions.Core.Tests.Text;

public class HtmlDecoderTests
{
    private const string Body = "北京市卫生健康委员会发布通知：加强医疗机构信息化建设，推进互联网医院发展。";

    static HtmlDecoderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static Encoding Gb => Encoding.GetEncoding(54936);

    private static Encoding Big5 => Encoding.GetEncoding(950);

    private static string Page(string headExtras = "", string body = Body) =>
        $"<!DOCTYPE html><html><head>{headExtras}<title>通知公告</title></head><body><p>{body}</p></body></html>";

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    [Fact]
    public void Decode_GbkBytesDeclaringGb2312_DecodesAsGb18030()
    {
        var html = Page("""<meta http-equiv="Content-Type" content="text/html; charset=gb2312">""");

        var result = HtmlDecoder.Decode(Gb.GetBytes(html));

        Assert.Equal(html, result.Text);
        Assert.Equal(54936, result.Encoding.CodePage);
        Assert.Equal("meta:gb2312", result.Evidence);
    }

    [Theory]
    [InlineData("""<meta charset="gbk">""", "meta:gbk")]
    [InlineData("""<meta charset=GB18030>""", "meta:gb18030")]
    [InlineData("""<META HTTP-EQUIV="Content-Type" CONTENT="text/html; CHARSET=x-gbk" />""", "meta:x-gbk")]
    [InlineData("""<meta content='text/html;charset=gb2312' http-equiv='Content-Type'/>""", "meta:gb2312")]
    [InlineData("""<meta charset = "cp936">""", "meta:cp936")]
    public void Decode_GbLabelVariants_DecodeAsGb18030(string meta, string evidence)
    {
        var html = Page(meta);

        var result = HtmlDecoder.Decode(Gb.GetBytes(html));

        Assert.Equal(html, result.Text);
        Assert.Equal(54936, result.Encoding.CodePage);
        Assert.Equal(evidence, result.Evidence);
    }

    [Theory]
    [InlineData("""<meta http-equiv="Content-Type" content="text/html; charset=gbk">""", "gbk")]
    [InlineData("""<meta charset="gb2312">""", "gb2312")]
    [InlineData("""<meta charset="big5">""", "big5")]
    public void Decode_Utf8BytesDeclaringOtherCharset_TrustsTheBytes(string meta, string label)
    {
        var html = Page(meta);

        var result = HtmlDecoder.Decode(Encoding.UTF8.GetBytes(html));

        Assert.Equal(html, result.Text);
        Assert.Equal(Encoding.UTF8.CodePage, result.Encoding.CodePage);
        Assert.Equal($"utf8-valid; ignored meta:{label}", result.Evidence);
    }

    [Fact]
    public void Decode_GbkWithoutDeclaration_SniffsGb18030()
    {
        var html = Page();

        var result = HtmlDecoder.Decode(Gb.GetBytes(html));

        Assert.Equal(html, result.Text);
        Assert.Equal(54936, result.Encoding.CodePage);
        Assert.Equal("sniff:gb18030", result.Evidence);
    }

    [Fact]
    public void Decode_Utf8WithoutDeclaration_DecodesAsUtf8()
    {
        var html = Page();

        var result = HtmlDecoder.Decode(Encoding.UTF8.GetBytes(html));

        Assert.Equal(html, result.Text);
        Assert.Equal("utf8-valid", result.Evidence);
    }

    [Fact]
    public void Decode_Utf8Bom_WinsOverMetaAndIsStripped()
    {
        var html = Page("""<meta charset="gbk">""");
        var bytes = Concat([0xEF, 0xBB, 0xBF], Encoding.UTF8.GetBytes(html));

        var result = HtmlDecoder.Decode(bytes);

        Assert.Equal(html, result.Text);
        Assert.Equal("bom:utf-8", result.Evidence);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Decode_Utf16Bom_DecodesAndStripsBom(bool bigEndian)
    {
        var html = Page("""<meta charset="gb2312">""");
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);
        var bytes = Concat(encoding.GetPreamble(), encoding.GetBytes(html));

        var result = HtmlDecoder.Decode(bytes);

        Assert.Equal(html, result.Text);
        Assert.Equal(bigEndian ? "bom:utf-16be" : "bom:utf-16le", result.Evidence);
    }

    [Fact]
    public void Decode_Utf32LeBom_IsNotMistakenForUtf16()
    {
        var html = Page();
        var bytes = Concat([0xFF, 0xFE, 0x00, 0x00], new UTF32Encoding(bigEndian: false, byteOrderMark: false).GetBytes(html));

        var result = HtmlDecoder.Decode(bytes);

        Assert.Equal(html, result.Text);
        Assert.Equal("bom:utf-32le", result.Evidence);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Decode_Utf16WithoutBom_Sniffed(bool bigEndian)
    {
        var html = Page();

        var result = HtmlDecoder.Decode(new UnicodeEncoding(bigEndian, byteOrderMark: false).GetBytes(html));

        Assert.Equal(html, result.Text);
        Assert.StartsWith("sniff:utf-16", result.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_InvalidGbkSequences_DecodesLenientlyWithReplacementChars()
    {
        var good = Gb.GetBytes(Page("""<meta charset="gb2312">"""));
        // 0xFF is never valid in GB18030; a lone lead byte before ASCII is malformed too.
        // Inserted between tags so no well-formed character is split.
        var half = good.AsSpan().IndexOf("<p>"u8);
        var bytes = Concat(good[..half], [0xFF, 0xB1, 0x3C], good[half..], [0xB1]);

        var result = HtmlDecoder.Decode(bytes);

        Assert.Equal(54936, result.Encoding.CodePage);
        Assert.Contains('\uFFFD', result.Text);
        Assert.Contains(Body, result.Text, StringComparison.Ordinal);
        Assert.EndsWith("\uFFFD", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_HeaderCharset_WinsOverMeta()
    {
        var html = Page("""<meta charset="big5">""");

        var result = HtmlDecoder.Decode(Gb.GetBytes(html), "text/html; charset=GBK");

        Assert.Equal(html, result.Text);
        Assert.Equal("header:gbk", result.Evidence);
    }

    [Theory]
    [InlineData("text/html;charset=\"gb2312\"", "header:gb2312")]
    [InlineData("text/html; Charset = gbk ; foo=bar", "header:gbk")]
    [InlineData("text/html", "sniff:gb18030")]
    [InlineData("", "sniff:gb18030")]
    public void Decode_HeaderVariants_AreParsed(string header, string evidence)
    {
        var html = Page();

        var result = HtmlDecoder.Decode(Gb.GetBytes(html), header);

        Assert.Equal(html, result.Text);
        Assert.Equal(evidence, result.Evidence);
    }

    [Fact]
    public void Decode_HeaderDeclaresGbkButBytesAreUtf8_TrustsTheBytes()
    {
        var html = Page();

        var result = HtmlDecoder.Decode(Encoding.UTF8.GetBytes(html), "text/html; charset=gbk");

        Assert.Equal(html, result.Text);
        Assert.Equal("utf8-valid; ignored header:gbk", result.Evidence);
    }

    [Fact]
    public void Decode_HeaderDeclaresUtf8ButBytesAreGb_UsesMeta()
    {
        var html = Page("""<meta charset="gbk">""");

        var result = HtmlDecoder.Decode(Gb.GetBytes(html), "text/html; charset=utf-8");

        Assert.Equal(html, result.Text);
        Assert.Equal("meta:gbk", result.Evidence);
    }

    [Fact]
    public void Decode_WaybackToolbarDeclaresUtf8BeforeRealGbMeta_DecodesAsGb()
    {
        // Wayback injects its own head (declaring utf-8) and several KB of toolbar before the original page's meta.
        var toolbar = "<html><head><meta charset=\"utf-8\"><script>" + new string('x', 6000) + "</script>";
        var original = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"><title>通知</title></head><body>" + Body + "</body></html>";
        var bytes = Concat(Encoding.ASCII.GetBytes(toolbar), Gb.GetBytes(original));

        var result = HtmlDecoder.Decode(bytes);

        Assert.Equal(toolbar + original, result.Text);
        Assert.Equal("meta:gb2312", result.Evidence);
    }

    [Theory]
    [InlineData(4070)]
    [InlineData(4085)]
    [InlineData(4093)]
    public void Decode_GbMetaStraddlingTheFirstScanWindow_IsStillFound(int metaStart)
    {
        // gb2312 vs big5 decode GB bytes differently, so a truncated or missed label would show in the text.
        var prefix = "<html><head><!--" + new string('x', metaStart - 19) + "-->";
        var html = prefix + "<meta charset=\"gb2312\"><title>通知</title></head><body>" + Body + "</body></html>";

        var result = HtmlDecoder.Decode(Gb.GetBytes(html), "text/html; charset=utf-8");

        Assert.Equal(metaStart, prefix.Length);
        Assert.Equal(html, result.Text);
        Assert.Equal("meta:gb2312", result.Evidence);
    }

    [Fact]
    public void Decode_DeclaresOnlyUtf8ButBytesAreGb_SniffsGbAndReportsTheLie()
    {
        var html = Page("""<meta charset="utf-8">""");

        var result = HtmlDecoder.Decode(Gb.GetBytes(html));

        Assert.Equal(html, result.Text);
        Assert.Equal("sniff:gb18030; ignored meta:utf-8", result.Evidence);
    }

    [Fact]
    public void Decode_Utf8TruncatedMidCharacter_StillUtf8()
    {
        var full = Encoding.UTF8.GetBytes(Page("""<meta charset="gbk">""", Body + "医"));
        // Cut inside the last character, as a capped download would.
        var cut = full.AsSpan(0, Array.LastIndexOf(full, (byte)0xE5) + 2).ToArray();

        var result = HtmlDecoder.Decode(cut);

        Assert.Equal(Encoding.UTF8.CodePage, result.Encoding.CodePage);
        Assert.StartsWith("utf8-valid", result.Evidence, StringComparison.Ordinal);
        Assert.Contains(Body, result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_Utf8WithAFewCorruptBytes_StaysUtf8DespiteGbMeta()
    {
        var good = Encoding.UTF8.GetBytes(Page("""<meta charset="gb2312">""", string.Concat(Enumerable.Repeat(Body, 5))));
        var bytes = Concat(good[..300], [0xC3, 0x28], good[300..]);

        var result = HtmlDecoder.Decode(bytes);

        Assert.Equal(Encoding.UTF8.CodePage, result.Encoding.CodePage);
        Assert.StartsWith("utf8-mostly-valid(1 invalid)", result.Evidence, StringComparison.Ordinal);
        Assert.Contains(Body, result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_AsciiOnlyWithGbMeta_ReportsDeclaredEncoding()
    {
        var html = "<html><head><meta charset=\"gb2312\"><title>News</title></head><body>Hello</body></html>";

        var result = HtmlDecoder.Decode(Encoding.ASCII.GetBytes(html));

        Assert.Equal(html, result.Text);
        Assert.Equal(54936, result.Encoding.CodePage);
        Assert.Equal("ascii; meta:gb2312", result.Evidence);
    }

    [Fact]
    public void Decode_Empty_ReturnsEmptyUtf8()
    {
        var result = HtmlDecoder.Decode([]);

        Assert.Equal(string.Empty, result.Text);
        Assert.Equal(Encoding.UTF8.CodePage, result.Encoding.CodePage);
    }

    [Fact]
    public void Decode_ScriptCharsetAttribute_IsNotADeclaration()
    {
        var html = Page("""<script src="/a.js" charset="big5"></script>""");

        var result = HtmlDecoder.Decode(Gb.GetBytes(html));

        Assert.Equal(html, result.Text);
        Assert.Equal("sniff:gb18030", result.Evidence);
    }

    [Fact]
    public void Decode_CommentedOutMeta_IsIgnored()
    {
        var html = Page("""<!-- <meta charset="big5"> --><meta charset="gbk">""");

        var result = HtmlDecoder.Decode(Gb.GetBytes(html));

        Assert.Equal(html, result.Text);
        Assert.Equal("meta:gbk", result.Evidence);
    }

    [Fact]
    public void Decode_XmlPrologEncoding_IsHonouredForFeeds()
    {
        var xml = "<?xml version=\"1.0\" encoding=\"gb2312\"?><rss><channel><item><title>" + Body + "</title></item></channel></rss>";

        var result = HtmlDecoder.Decode(Gb.GetBytes(xml));

        Assert.Equal(xml, result.Text);
        Assert.Equal("xml:gb2312", result.Evidence);
    }

    [Fact]
    public void Decode_Big5Declared_DecodesAsBig5()
    {
        var html = Page("""<meta charset="big5">""", "臺灣衛生福利部公告醫療資訊系統");

        var result = HtmlDecoder.Decode(Big5.GetBytes(html));

        Assert.Equal(html, result.Text);
        Assert.Equal(950, result.Encoding.CodePage);
    }

    [Fact]
    public void Decode_Big5Undeclared_SniffedAsBig5()
    {
        var html = Page(body: string.Concat(Enumerable.Repeat("臺灣衛生福利部今日公告，醫療資訊系統將於下週進行維護，民眾請多加留意。", 3)));

        var result = HtmlDecoder.Decode(Big5.GetBytes(html));

        Assert.Equal(html, result.Text);
        Assert.Equal("sniff:big5", result.Evidence);
    }

    [Fact]
    public void Decode_Latin1LabelOverGbBytes_DecodesAsGb()
    {
        var html = Page("""<meta charset="iso-8859-1">""");

        var result = HtmlDecoder.Decode(Gb.GetBytes(html));

        Assert.Equal(html, result.Text);
        Assert.Equal("sniff:gb18030; ignored meta:iso-8859-1", result.Evidence);
    }

    [Fact]
    public void Decode_RealLatin1Page_DecodesAsWindows1252()
    {
        var html = "<html><head><meta charset=\"iso-8859-1\"></head><body>Caf\u00e9 cr\u00e8me br\u00fbl\u00e9e, na\u00efve</body></html>";

        var result = HtmlDecoder.Decode(Encoding.Latin1.GetBytes(html));

        Assert.Equal(html, result.Text);
        Assert.Equal("meta:iso-8859-1", result.Evidence);
    }

    [Fact]
    public void Decode_OtherDeclaredEncoding_IsHonoured()
    {
        var html = "<html><head><meta charset=\"shift_jis\"></head><body>厚生労働省のお知らせ</body></html>";
        var sjis = Encoding.GetEncoding("shift_jis");

        var result = HtmlDecoder.Decode(sjis.GetBytes(html));

        Assert.Equal(html, result.Text);
        Assert.Equal("meta:shift_jis", result.Evidence);
    }

    [Fact]
    public void Decode_Gb18030FourByteCharacters_RoundTrip()
    {
        // U+20000 and U+00E9 need GB18030 four-byte sequences (absent from GBK).
        var html = Page("""<meta charset="gb18030">""", Body + "\U00020000 caf\u00e9");

        var result = HtmlDecoder.Decode(Gb.GetBytes(html));

        Assert.Equal(html, result.Text);
    }

    [Fact]
    public void Decode_UnknownLabel_FallsBackToSniffing()
    {
        var html = Page("""<meta charset="no-such-charset">""");

        var result = HtmlDecoder.Decode(Gb.GetBytes(html));

        Assert.Equal(html, result.Text);
        Assert.Equal("sniff:gb18030", result.Evidence);
    }

    [Fact]
    public void Decode_RandomBytes_NeverThrows()
    {
        var random = new Random(20240501);
        for (var i = 0; i < 2000; i++)
        {
            var bytes = new byte[random.Next(0, 600)];
            random.NextBytes(bytes);
            if (i % 3 == 0 && bytes.Length > 40)
            {
                Encoding.ASCII.GetBytes("<meta charset=gbk>").CopyTo(bytes, 0);
            }

            var result = HtmlDecoder.Decode(bytes, i % 5 == 0 ? "text/html; charset=" : null);

            Assert.NotNull(result.Text);
        }
    }

    [Theory]
    [InlineData(new byte[] { 0x61, 0xE4, 0xB8, 0xAD }, true)]
    [InlineData(new byte[] { 0x61, 0xE4, 0xB8 }, true)]
    [InlineData(new byte[] { 0x61, 0xE4 }, true)]
    [InlineData(new byte[] { 0x61, 0xF0, 0x9F, 0x98 }, true)]
    [InlineData(new byte[] { 0x61, 0xE4, 0x41 }, false)]
    [InlineData(new byte[] { 0xE4, 0xB8, 0x61 }, false)]
    [InlineData(new byte[] { 0xC0, 0x80 }, false)]
    [InlineData(new byte[] { 0xE0, 0x80 }, false)]
    [InlineData(new byte[] { 0xB1, 0xB1, 0xE4, 0xB8 }, false)]
    public void IsValidUtf8AllowingTruncatedEnd_Cases_Expected(byte[] bytes, bool expected)
    {
        Assert.Equal(expected, HtmlDecoder.IsValidUtf8AllowingTruncatedEnd(bytes));
    }
}
