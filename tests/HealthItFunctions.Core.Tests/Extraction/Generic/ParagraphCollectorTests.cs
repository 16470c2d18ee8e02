using HealthItFunctions.Core.Extraction.Generic;

namespace HealthItFunctions.Core.Tests.Extraction.Generic;

public sealed class ParagraphCollectorTests
{
    [Fact]
    public void Collect_FollowUpListOfLinksWithNamesAndDates_Skipped()
    {
        var html = "<html><body><div id=\"post\"><p>王医生谈慢病管理：随访要靠信息系统提醒，患者的依从性提高了吗？</p>"
            + "<ul><li><a href=\"/1\">社区随访系统用起来怎么样</a> <b>阿明</b> <i>08:15:30 4/11/07</i> (无内容)</li>"
            + "<li><a href=\"/2\">家庭医生签约以后的随访经验分享</a> <b>小林</b> <i>21:40:12 6/02/07</i> (12)</li>"
            + "<li><a href=\"/3\">王医生讲座资料汇总</a> <b>老周</b> <i>19:05:48 7/19/07</i> (48)</li></ul></div></body></html>";
        var index = Dom.Index(html);

        var (paragraphs, _) = ParagraphCollector.Collect(index, [Dom.ById(index, "post")], baseUrl: null);

        Assert.Equal(["王医生谈慢病管理：随访要靠信息系统提醒，患者的依从性提高了吗？"], paragraphs);
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
