using HealthItFunctions.Core.Dedup;

namespace HealthItFunctions.Core.Tests.Dedup;

/// <summary>An excerpt reprint (a site runs the lead third of a story) by containment; an excerpt of another story stays apart.</summary>
public sealed class ExcerptContainmentTests
{
    private static readonly string[] StoryA =
    [
        "北京市卫生健康委员会近日印发通知，要求全市二级以上公立医院在年底前全部接入区域全民健康信息平台。",
        "通知明确，各医院要按照统一的数据标准改造院内信息系统，实现门诊、住院、检验和影像数据的实时上传。",
        "市卫生健康委信息中心负责人介绍，平台上线后，患者在不同医院就诊时，医生可以调阅其既往检查结果。",
        "据统计，目前已有八十六家医院完成对接，累计共享检查检验报告超过一千二百万份，减少重复检查约三成。",
        "下一步，平台还将向社区卫生服务中心延伸，为家庭医生签约服务提供健康档案和慢病管理数据支持。",
        "通知同时要求各单位落实网络安全等级保护制度，建立数据分级分类管理和访问审计机制，保护患者隐私。",
        "业内专家认为，区域平台的互联互通是推进分级诊疗的重要基础，有助于优质医疗资源下沉到基层。",
        "市卫生健康委表示，将把接入情况纳入医院绩效考核，对进度滞后的单位进行通报并督促整改。",
        "此外，平台将逐步开放电子健康卡和医保结算接口，方便市民在手机上完成预约、缴费和报告查询。",
    ];

    private static readonly string[] StoryB =
    [
        "上海市卫生健康委员会日前召开会议，部署推进互联网医院建设，提出年内实现三级医院线上复诊全覆盖。",
        "会议要求，各医院要完善线上问诊流程，加强处方审核和药品配送管理，确保线上医疗服务质量安全。",
        "据介绍，全市已有四十二家医院获批互联网医院牌照，今年前三季度线上诊疗服务量同比增长一倍以上。",
        "会议还提出，要推动检查预约、床位预约等服务上线，让患者少排队、少跑腿，提升就医获得感。",
        "专家表示，互联网医院的发展需要医保支付政策配套，目前部分慢病复诊已可在线完成医保结算。",
        "下一步，上海将建设统一的互联网医院监管平台，对线上诊疗行为进行全程留痕和实时监测。",
        "市卫生健康委强调，各单位要加强信息系统安全防护，定期开展应急演练，防范数据泄露风险。",
        "部分医院负责人表示，将加快院内信息化改造，打通线上线下服务流程，提供连续性医疗服务。",
        "业内人士认为，互联网医疗正在从疫情期间的应急手段转变为常态化的医疗服务供给方式。",
    ];

    private static string Text(IEnumerable<string> sentences) => string.Join("\n", sentences);

    [Fact]
    public void Compare_LeadThirdOfTheStory_DuplicateByContainment()
    {
        var detector = new NearDuplicateDetector();
        var full = detector.Signature("北京二级以上医院年底前全部接入区域平台", Text(StoryA))!;
        var excerpt = detector.Signature("北京医院接入区域平台", Text(StoryA.Take(3)))!;

        var verdict = detector.Compare(full, excerpt);

        Assert.True(verdict.IsDuplicate, $"J {verdict.Similarity}, containment {verdict.Containment}");
        Assert.True(verdict.Containment >= NearDuplicateDetector.DefaultMinContainment);
    }

    [Fact]
    public void Compare_LeadThirdOfAnotherStoryOnTheTopic_NotDuplicate()
    {
        var detector = new NearDuplicateDetector();
        var full = detector.Signature("北京二级以上医院年底前全部接入区域平台", Text(StoryA))!;
        var otherLead = detector.Signature("上海推进互联网医院建设", Text(StoryB.Take(3)))!;

        Assert.False(detector.Compare(full, otherLead).IsDuplicate);
    }

    [Fact]
    public void Compare_OldRowWithoutShingleCount_NoContainmentJudgement()
    {
        var detector = new NearDuplicateDetector();
        var full = detector.Signature("标题", Text(StoryA))! with { Shingles = 0 };
        var excerpt = detector.Signature("标题", Text(StoryA.Take(3)))!;

        Assert.Null(detector.Compare(full, excerpt).Containment);
    }

    [Theory]
    [InlineData(1.0 / 3, 300, 100, 1.0)]
    [InlineData(0.5, 300, 300, 2.0 / 3)]
    [InlineData(0.0, 300, 100, 0.0)]
    public void Containment_JaccardAndSizes_ShareOfTheSmallerSet(double jaccard, int a, int b, double expected)
    {
        Assert.Equal(expected, MinHashSketch.Containment(jaccard, a, b), 3);
    }
}
