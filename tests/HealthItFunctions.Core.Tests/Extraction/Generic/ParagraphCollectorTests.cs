using HealthItFunctions.Core.Extraction.Generic;

namespace HealthItFunctions.Core.Tests.Extraction.Generic;

public sealed class ParagraphCollectorTests
{
    [Fact]
    public void Collect_FollowUpListOfLinksWithNamesAndDates_Skipped()
    {
        var html = "<html><body><div id=\"post\"><p>许先生谈亲子关系：爱是由接受的人决定的，你认为的爱，对方接收到了吗？</p>"
            + "<ul><li><a href=\"/1\">我的爱在哪里呢请大家说说</a> <b>馨语</b> <i>09:02:51 5/23/06</i> (无内容)</li>"
            + "<li><a href=\"/2\">全世界最伟大的功德就是提升自己的生命品质</a> <b>小虫</b> <i>22:19:04 8/25/05</i> (10)</li>"
            + "<li><a href=\"/3\">许先生著作与演讲精选合集</a> <b>大卫</b> <i>20:02:45 9/12/05</i> (75)</li></ul></div></body></html>";
        var index = Dom.Index(html);

        var (paragraphs, _) = ParagraphCollector.Collect(index, [Dom.ById(index, "post")], baseUrl: null);

        Assert.Equal(["许先生谈亲子关系：爱是由接受的人决定的，你认为的爱，对方接收到了吗？"], paragraphs);
    }

    [Fact]
    public void Collect_ListOfSentencesInsideText_Kept()
    {
        var html = "<html><body><div id=\"post\"><p>会议提出三项要求：</p>"
            + "<ol><li>推进<a href=\"/a\">电子病历</a>评级，完善数据标准；</li><li>加强<a href=\"/b\">网络安全</a>，落实等级保护；</li>"
            + "<li>推广<a href=\"/c\">互联网医院</a>，方便群众就医。</li></ol></div></body></html>";
        var index = Dom.Index(html);

        var (paragraphs, _) = ParagraphCollector.Collect(index, [Dom.ById(index, "post")], baseUrl: null);

        Assert.Equal(4, paragraphs.Count);
    }
}
