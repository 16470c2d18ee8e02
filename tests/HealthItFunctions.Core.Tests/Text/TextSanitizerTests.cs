using System.Xml;
using HealthItFunctions.Core.Text;

namespace HealthItFunctions.Core.Tests.Text;

public sealed class TextSanitizerTests
{
    [Theory]
    [InlineData("北京卫生信息化 Health 2021", "北京卫生信息化 Health 2021")]
    [InlineData("标题\uFFFE", "标题")]
    [InlineData("标题\uFFFF尾", "标题尾")]
    [InlineData("a\uFDD0b\uFDEFc", "abc")]
    [InlineData("a\u0001b\u000bc\u001fd", "abcd")]
    [InlineData("a\u007fb\u0085c\u009fd", "abcd")]
    [InlineData("tab\tline\nend", "tab\tline\nend")]
    [InlineData("crlf\r\nlone\rend", "crlf\nlone\nend")]
    [InlineData("emoji 😀 ext-B 𠀀", "emoji 😀 ext-B 𠀀")]
    [InlineData("plane-1 nonchar \U0001FFFE x", "plane-1 nonchar  x")]
    public void Clean_Text_RemovesWhatXmlCannotCarry(string input, string expected)
    {
        Assert.Equal(expected, TextSanitizer.Clean(input));
    }

    [Theory]
    [InlineData(0xD800, "lone", "high")]
    [InlineData(0xDC00, "lone", "low")]
    [InlineData(0xD83D, "end", "")]
    public void Clean_LoneSurrogate_BecomesReplacementCharacter(int surrogate, string before, string after)
    {
        // Built in code: attribute strings cannot carry a lone surrogate.
        Assert.Equal(before + "\uFFFD" + after, TextSanitizer.Clean(before + (char)surrogate + after));
    }

    [Fact]
    public void Clean_CleanText_ReturnsSameInstance()
    {
        var text = "国家卫健委：推进“互联网+医疗健康”\n第二段\t😀";

        Assert.Same(text, TextSanitizer.Clean(text));
        Assert.True(TextSanitizer.IsClean(text));
    }

    [Fact]
    public void Clean_List_ReplacesOnlyDirtyEntries()
    {
        IReadOnlyList<string> clean = ["甲", "乙"];

        Assert.Same(clean, TextSanitizer.Clean(clean));
        Assert.Equal(["甲", "乙"], TextSanitizer.Clean(["甲\uFFFE", "乙"]));
    }

    [Fact]
    public void Clean_EveryCodeUnit_ResultIsValidXmlText()
    {
        // Each of the 65,536 code units alone and after a high surrogate: whatever survives, XmlWriter must accept.
        var settings = new XmlWriterSettings { CheckCharacters = true };
        for (var c = 0; c <= 0xFFFF; c++)
        {
            foreach (var input in new[] { ((char)c).ToString(), "\ud83d" + (char)c, (char)c + "x" })
            {
                var clean = TextSanitizer.Clean(input);
                using var writer = XmlWriter.Create(new StringWriter(), settings);
                writer.WriteElementString("t", clean);
                Assert.True(TextSanitizer.IsClean(clean));
            }
        }
    }
}
