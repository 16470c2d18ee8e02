using HealthItFunctions.Core.Extraction.Generic;

namespace HealthItFunctions.Core.Tests.Extraction.Generic;

public sealed class BodyCleanerTests
{
    private const string Text = "5月20日，市卫生健康委发布新版预约挂号平台，全市二级以上医院号源统一接入，患者可一站式预约。";

    [Fact]
    public void Clean_InterviewQuestionAfterReporterLabel_KeepsQuestion()
    {
        var cleaned = TestLexicon.Shipped.Cleaner.Clean([Text, "记者：您平时通过哪些渠道预约挂号？", "答：主要是用手机预约。"], title: null);

        Assert.Contains("记者：您平时通过哪些渠道预约挂号？", cleaned);
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
        var cleaned = TestLexicon.Shipped.Cleaner.Clean([Text, line, Text], title: null);

        Assert.DoesNotContain(line, cleaned);
    }

    [Fact]
    public void Clean_LikeAndCounterBarAtEnd_Removed()
    {
        var cleaned = TestLexicon.Shipped.Cleaner.Clean([Text, "首赞", "+1", "阅读 (36万)"], title: null);

        Assert.Equal([Text], cleaned);
    }

    [Fact]
    public void Clean_ShortItemsClosingTheText_Kept()
    {
        string[] items = ["数据要统一", "流程要简化", "安全要可靠", "1.", "2."];

        var cleaned = TestLexicon.Shipped.Cleaner.Clean([Text, .. items], title: null);

        Assert.Equal([Text, .. items], cleaned);
    }

    [Fact]
    public void Clean_RelatedLinkWithLabel_DroppedWithWhatFollows()
    {
        var cleaned = TestLexicon.Shipped.Cleaner.Clean([Text, Text, Text, "推荐阅读：某区卫健委9月起开展互联网医院专项检查", "另一篇文章的标题"], title: null);

        Assert.Equal([Text, Text, Text], cleaned);
    }

    [Fact]
    public void Clean_BylineUnderSubtitleAndPlaceLine_Removed()
    {
        var cleaned = TestLexicon.Shipped.Cleaner.Clean(["专家说改革一定要加快", "本报记者张三发自北京", Text, "发布于：北京市"], title: null);

        Assert.Equal(["专家说改革一定要加快", Text], cleaned);
    }

    [Fact]
    public void Clean_ProseMentioningReporter_Kept()
    {
        const string line = "记者了解到，该院已完成电子病历五级评审，患者可在手机上查看检查报告。";

        var cleaned = TestLexicon.Shipped.Cleaner.Clean([line, Text], title: null);

        Assert.Equal([line, Text], cleaned);
    }

    [Fact]
    public void Clean_ReprintConditionAddedToLexicon_NoticeRemoved()
    {
        const string line = "本文系某某网特稿，转载须标明作者。";
        var lexicon = TestLexicon.Shipped.Lexicon;
        var edited = new BodyCleaner(lexicon with { Boilerplate = lexicon.Boilerplate with { ReprintCondition = [.. lexicon.Boilerplate.ReprintCondition, "标明"] } });

        Assert.Contains(line, TestLexicon.Shipped.Cleaner.Clean([Text, line, Text], title: null));
        Assert.DoesNotContain(line, edited.Clean([Text, line, Text], title: null));
    }

    [Fact]
    public void Clean_PermissionWordAddedToLexicon_NoticeRemoved()
    {
        const string line = "未经本站许可，严禁复制或镜像。";
        var lexicon = TestLexicon.Shipped.Lexicon;
        var edited = new BodyCleaner(lexicon with { Boilerplate = lexicon.Boilerplate with { Permission = [.. lexicon.Boilerplate.Permission, "许可"] } });

        Assert.Contains(line, TestLexicon.Shipped.Cleaner.Clean([Text, line, Text], title: null));
        Assert.DoesNotContain(line, edited.Clean([Text, line, Text], title: null));
    }
}
