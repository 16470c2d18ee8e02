using HealthItFunctions.Core.Extraction;

namespace HealthItFunctions.Core.Tests.Extraction;

/// <summary>
/// What every page family must yield. Each subclass names a hand-written fixture shaped like one target site and
/// the values a reader sees on that page.
/// </summary>
public abstract class ArticleExtractorContractTests
{
    protected abstract string FixtureName { get; }

    protected abstract string Url { get; }

    protected abstract string ExpectedTitle { get; }

    /// <summary>ISO 8601 at the precision the page states.</summary>
    protected abstract string ExpectedPublishTime { get; }

    protected abstract string ExpectedSource { get; }

    /// <summary>A sentence from the first and one from the last paragraph of the text.</summary>
    protected abstract IReadOnlyList<string> BodyMustContain { get; }

    /// <summary>Navigation, share bars, credits, related lists and footers that surround the text.</summary>
    protected abstract IReadOnlyList<string> BodyMustNotContain { get; }

    private protected virtual ArticleExtractor CreateExtractor() => Fixture.Extractor();

    private ExtractedArticle ExtractFixture()
    {
        var result = CreateExtractor().Extract(new HtmlPage(Fixture.Read(FixtureName), new Uri(Url), Fixture.FetchedAt));
        Assert.True(result.IsArticle, $"{FixtureName}: {result.Reason} {result.Detail}");
        return result.Article!;
    }

    [Fact]
    public void Extract_FamilyFixture_TitleWithoutSiteSuffix()
    {
        var article = ExtractFixture();

        Assert.Equal(ExpectedTitle, article.Title);
    }

    [Fact]
    public void Extract_FamilyFixture_PublishTimeAtStatedPrecision()
    {
        var article = ExtractFixture();

        Assert.NotNull(article.PublishTime);
        Assert.Equal(ExpectedPublishTime, article.PublishTime.Value.ToIsoString());
        Assert.Equal(TimeSpan.FromHours(8), article.PublishTime.Value.Value.Offset);
    }

    [Fact]
    public void Extract_FamilyFixture_SourceAsPrinted()
    {
        var article = ExtractFixture();

        Assert.Equal(ExpectedSource, article.Source ?? article.Media);
    }

    [Fact]
    public void Extract_FamilyFixture_BodyKeepsTextAndDropsBoilerplate()
    {
        var article = ExtractFixture();

        Assert.All(BodyMustContain, s => Assert.Contains(s, article.Content, StringComparison.Ordinal));
        Assert.All(BodyMustNotContain, s => Assert.DoesNotContain(s, article.Content, StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_FamilyFixture_RecordsRuleForEachFoundField()
    {
        var article = ExtractFixture();

        Assert.All(
            new[] { ArticleField.Title, ArticleField.PublishTime, ArticleField.Media, ArticleField.Body, ArticleField.Language },
            field => Assert.False(string.IsNullOrEmpty(article.Rules.GetValueOrDefault(field)), $"no rule recorded for {field}"));
        Assert.Equal("zh-CN", article.Language);
    }
}

public class Hit180ContractTests : ArticleExtractorContractTests
{
    protected override string FixtureName => "hit180.html";
    protected override string Url => "https://www.hit180.com/52842.html";
    protected override string ExpectedTitle => "医院数据治理的三个抓手";
    protected override string ExpectedPublishTime => "2021-08-15T10:10+08:00";
    protected override string ExpectedSource => "HIT专家网";
    protected override IReadOnlyList<string> BodyMustContain => ["数据治理是医院信息化建设进入深水区", "并用技术手段落地。"];
    protected override IReadOnlyList<string> BodyMustNotContain => ["分享到", "互联网医院的下一站", "智慧医院建设指南解读", "版权所有", "首页"];
}

public sealed class WjwBeijingContractTests : ArticleExtractorContractTests
{
    protected override string FixtureName => "wjw-beijing.html";
    protected override string Url => "http://wjw.beijing.gov.cn/xwzx_20031/wnxw/202103/t20210326_2323808.html";
    protected override string ExpectedTitle => "市卫生健康委召开全市卫生健康信息化工作会议";
    protected override string ExpectedPublishTime => "2021-03-26T16:35+08:00";
    protected override string ExpectedSource => "北京市卫生健康委员会";
    protected override IReadOnlyList<string> BodyMustContain => ["3月25日，市卫生健康委召开", "提升信息化支撑能力。"];
    protected override IReadOnlyList<string> BodyMustNotContain => ["打印本页", "关闭窗口", "分享到", "当前位置", "发布时间"];
}

public sealed class GovCnContractTests : ArticleExtractorContractTests
{
    protected override string FixtureName => "gov-cn.html";
    protected override string Url => "http://www.gov.cn/xinwen/2021-03/23/content_5595186.htm";
    protected override string ExpectedTitle => "国家卫生健康委：推进远程医疗服务覆盖所有医联体";
    protected override string ExpectedPublishTime => "2021-03-23T10:39:21+08:00";
    protected override string ExpectedSource => "卫生健康委网站";
    protected override IReadOnlyList<string> BodyMustContain => ["为进一步提升基层医疗服务能力", "保障医疗质量与患者信息安全。"];
    protected override IReadOnlyList<string> BodyMustNotContain => ["责任编辑", "纠错", "分享到", "版权所有"];
}

public sealed class ChinanewsContractTests : ArticleExtractorContractTests
{
    protected override string FixtureName => "chinanews.html";
    protected override string Url => "http://www.bj.chinanews.com/news/2020/0713/78108.htm";
    protected override string ExpectedTitle => "北京三级医院全面推行预约诊疗";
    protected override string ExpectedPublishTime => "2020-07-13T09:15+08:00";
    protected override string ExpectedSource => "中国新闻网";
    protected override IReadOnlyList<string> BodyMustContain => ["北京三级医院已全面推行非急诊预约诊疗", "配合医院做好健康码查验和体温检测"];
    protected override IReadOnlyList<string> BodyMustNotContain => ["编辑:李四", "北京新增病例", "广告", "Copyright"];
}

public sealed class SinaContractTests : ArticleExtractorContractTests
{
    protected override string FixtureName => "sina.html";
    protected override string Url => "http://tech.sina.com.cn/roll/2020-07-09/doc-iircuyvk2831886.shtml";
    protected override string ExpectedTitle => "人工智能辅助诊断产品加速落地医院";

    /// <summary>The displayed time, not article:published_time (10:31), which sina sets minutes apart.</summary>
    protected override string ExpectedPublishTime => "2020-07-09T10:28+08:00";
    protected override string ExpectedSource => "新浪科技";
    protected override IReadOnlyList<string> BodyMustContain => ["新浪科技讯 7月9日上午消息", "临床工作流融合和收费等问题。"];
    protected override IReadOnlyList<string> BodyMustNotContain => ["扫一扫", "责任编辑", "AI医疗融资回暖", "SINA Corporation"];
}

public sealed class QqContractTests : ArticleExtractorContractTests
{
    protected override string FixtureName => "qq.html";
    protected override string Url => "https://new.qq.com/omn/20210901/20210901A03Q6K00.html";
    protected override string ExpectedTitle => "孕期产检怎么安排？一文说清楚";
    protected override string ExpectedPublishTime => "2021-09-01T08:30:12+08:00";
    protected override string ExpectedSource => "孕育妈咪圈";
    protected override IReadOnlyList<string> BodyMustContain => ["很多准妈妈拿到产检单时一头雾水", "要遵医嘱增加检查次数。"];
    protected override IReadOnlyList<string> BodyMustNotContain => ["新生儿黄疸怎么办", "热点精选", "腾讯网"];
}

public sealed class WeChatContractTests : ArticleExtractorContractTests
{
    protected override string FixtureName => "wechat.html";
    protected override string Url => "https://mp.weixin.qq.com/s?__biz=MzA5&mid=2651&idx=1&sn=abc";
    protected override string ExpectedTitle => "我院上线互联网诊疗服务";

    /// <summary>From var ct (unix seconds), not the displayed 前天.</summary>
    protected override string ExpectedPublishTime => "2020-07-26T16:00:00+08:00";
    protected override string ExpectedSource => "北京中医医院";
    protected override IReadOnlyList<string> BodyMustContain => ["我院互联网诊疗服务于7月26日正式上线", "医保患者可按规定在线结算。"];
    protected override IReadOnlyList<string> BodyMustNotContain => ["长按识别二维码", "前天"];

    [Fact]
    public void Extract_WeChatFixture_LeadImageFromDataSrc()
    {
        var result = Fixture.Extractor().Extract(new HtmlPage(Fixture.Read(FixtureName), new Uri(Url), Fixture.FetchedAt));

        Assert.Equal(["https://mmbiz.qpic.cn/mmbiz_jpg/abc/640?wx_fmt=jpeg"], result.Article!.LeadImages);
    }
}

public sealed class HospitalContractTests : ArticleExtractorContractTests
{
    protected override string FixtureName => "hospital.html";
    protected override string Url => "https://www.bjzhongyi.com/gzb_yyxw_detail/9051.html";
    protected override string ExpectedTitle => "医院举办智慧医院建设专题培训";
    protected override string ExpectedPublishTime => "2021-08-03";
    protected override string ExpectedSource => "北京中医医院";
    protected override IReadOnlyList<string> BodyMustContain => ["8月2日下午，医院信息中心举办智慧医院建设专题培训", "为患者提供更加便捷的就医体验。"];
    protected override IReadOnlyList<string> BodyMustNotContain => ["上一篇", "下一篇", "浏览次数", "科室导航", "版权所有"];
}

/// <summary>The generic layer alone (no catalog) must still carry a target site whose rules stopped matching.</summary>
public sealed class GenericOnlyHit180ContractTests : Hit180ContractTests
{
    private protected override ArticleExtractor CreateExtractor() => Fixture.Extractor(Core.Extraction.Sources.SourceCatalog.Empty);
}
