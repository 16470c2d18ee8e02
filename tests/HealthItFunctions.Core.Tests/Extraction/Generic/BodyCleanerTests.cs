using HealthItFunctions.Core.Extraction.Generic;

namespace HealthItFunctions.Core.Tests.Extraction.Generic;

public sealed class BodyCleanerTests
{
    private const string Text = "北京时间5月20日，步行者在季后赛中战胜尼克斯，大比分晋级东部决赛，全场比赛精彩纷呈。";

    [Fact]
    public void Clean_InterviewQuestionAfterReporterLabel_KeepsQuestion()
    {
        var cleaned = BodyCleaner.Clean([Text, "记者：你通过什么渠道最快获取这些信息？", "答：主要是通过网络。"], title: null);

        Assert.Contains("记者：你通过什么渠道最快获取这些信息？", cleaned);
    }

    [Theory]
    [InlineData("责任编辑：张三")]
    [InlineData("（责编：李四、王五）")]
    [InlineData("39健康网专稿，未经书面授权请勿转载。")]
    [InlineData("本作品为某某原创，转载时务请注明出处。")]
    [InlineData("关注公众号：某某财经")]
    [InlineData("第1页/共1页 << 上一页 | 下一页 >>")]
    public void Clean_CreditOrRepostNotice_Removed(string line)
    {
        var cleaned = BodyCleaner.Clean([Text, line, Text], title: null);

        Assert.DoesNotContain(line, cleaned);
    }

    [Fact]
    public void Clean_LikeAndCounterBarAtEnd_Removed()
    {
        var cleaned = BodyCleaner.Clean([Text, "首赞", "+1", "阅读 (177万)"], title: null);

        Assert.Equal([Text], cleaned);
    }

    [Fact]
    public void Clean_ShortItemsClosingTheText_Kept()
    {
        string[] items = ["圣经的原理", "环境的带领", "肢体的劝告", "1.", "2."];

        var cleaned = BodyCleaner.Clean([Text, .. items], title: null);

        Assert.Equal([Text, .. items], cleaned);
    }

    [Fact]
    public void Clean_RelatedLinkWithLabel_DroppedWithWhatFollows()
    {
        var cleaned = BodyCleaner.Clean([Text, Text, Text, "推荐阅读：某地交警8月1日起专项整治电动车违法行为", "另一篇文章的标题"], title: null);

        Assert.Equal([Text, Text, Text], cleaned);
    }

    [Fact]
    public void Clean_BylineUnderSubtitleAndPlaceLine_Removed()
    {
        var cleaned = BodyCleaner.Clean(["专家说改革一定要加快", "本报记者张三发自北京", Text, "发布于：北京市"], title: null);

        Assert.Equal(["专家说改革一定要加快", Text], cleaned);
    }

    [Fact]
    public void Clean_ProseMentioningReporter_Kept()
    {
        const string line = "记者了解到，该院已完成电子病历五级评审，患者可在手机上查看检查报告。";

        var cleaned = BodyCleaner.Clean([line, Text], title: null);

        Assert.Equal([line, Text], cleaned);
    }
}
