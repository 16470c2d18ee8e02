using HealthItFunctions.Core.Tests.Extraction.Generic;

namespace HealthItFunctions.Core.Tests.Extraction;

public sealed class DomIndexTests
{
    [Fact]
    public void Build_InlineAndJsonLdScripts_SeparatedInDocumentOrder()
    {
        var index = Dom.Index("<html><head><script>var ct = \"1629000000\";</script>"
            + "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script><script src=\"/x.js\"></script></head>"
            + "<body><p>正文</p><script>var nickname = \"某公众号\";</script></body></html>");

        Assert.Equal(["var ct = \"1629000000\";", "var nickname = \"某公众号\";"], index.Scripts);
        Assert.Equal(["{\"@type\":\"NewsArticle\"}"], index.JsonLd);
    }

    [Fact]
    public void Build_HiddenAndAttributelessElements_OnlyVisibleTextIndexed()
    {
        var index = Dom.Index("<html><body><div><p>看得见</p><p style=\"display: none\">看不见</p><p hidden>也看不见</p></div></body></html>");

        Assert.Equal("看得见", index.Text.Trim());
    }
}
