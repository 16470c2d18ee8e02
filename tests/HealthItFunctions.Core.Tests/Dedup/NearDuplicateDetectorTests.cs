using HealthItFunctions.Core.Dedup;

namespace HealthItFunctions.Core.Tests.Dedup;

public sealed class NearDuplicateDetectorTests
{
    private static readonly string[] Paragraphs =
    [
        "北京协和医院互联网医院近日正式上线，首批开放心内科等12个科室的线上复诊服务。患者通过手机端即可完成预约、问诊、缴费等环节，医生可在线开具电子处方。",
        "药品可以通过物流配送到家，北京市内一般两天内送达。医保患者在线复诊可享受医保实时结算，个人只需支付自付部分。",
        "上线第一个月，互联网医院接诊量已超过三千人次。为保障医疗质量，医院对线上诊疗实行与线下一致的质控标准。",
        "心内科主任王建国是首批入驻互联网医院的专家，每周固定安排两个时段在线出诊。他介绍，线上复诊特别适合需要长期用药的慢性病患者。",
    ];

    // Same topic and stock phrases, another hospital, people and figures: the hard negative.
    private const string SameTopicOtherStory =
        "北京朝阳医院互联网医院近日正式上线，首批开放呼吸科等8个科室的线上复诊服务。患者通过手机端即可完成预约、问诊、缴费等环节。\n" +
        "呼吸科主任李明是首批入驻互联网医院的专家，每周固定安排三个时段在线出诊。互联网医院目前仅面向复诊患者，首诊患者仍需到院就诊。\n" +
        "上线第一个月，朝阳医院互联网医院接诊量已超过九百人次。医院还计划将互联网医院与院内电子病历系统深度打通。";

    private static readonly NearDuplicateDetector Detector = new();

    private static string Body => string.Join("\n", Paragraphs);

    [Fact]
    public void Signature_SameText_FingerprintMatchesLegacyApiAndSketchHasDefaultSlots()
    {
        var signature = Detector.Signature("标题", Body)!;

        Assert.Equal(Detector.Fingerprint("标题", Body), signature.Fingerprint);
        Assert.Equal(SimHash.Compute(Body), signature.Fingerprint);
        Assert.NotEqual(signature.Fingerprint, signature.Fingerprint2);
        Assert.Equal(MinHashSketch.DefaultSlots, signature.Sketch.Length);
        Assert.True(signature.IsComplete);
    }

    [Fact]
    public void Signature_NoText_Null() => Assert.Null(Detector.Signature(null, "，。 \n"));

    [Fact]
    public void Compare_ParagraphDroppedAndBoilerplateSwapped_Duplicate()
    {
        var original = "来源：健康报\n" + Body + "\n责任编辑：张华";
        var reprint = "发布时间：2021-08-03  来源：人民日报\n" + string.Join("\n", Paragraphs[..3]) + "\n扫码关注人民日报公众号";

        var verdict = Detector.Compare(Detector.Signature("a", original)!, Detector.Signature("b", reprint)!);

        Assert.True(verdict.IsDuplicate, $"distance {verdict.Distance}, similarity {verdict.Similarity}");
        Assert.NotNull(verdict.Similarity);
    }

    [Fact]
    public void Compare_SameTopicOtherStory_NotDuplicate()
    {
        var verdict = Detector.Compare(Detector.Signature("a", Body)!, Detector.Signature("b", SameTopicOtherStory)!);

        Assert.False(verdict.IsDuplicate, $"distance {verdict.Distance}, similarity {verdict.Similarity}");
    }

    [Fact]
    public void Compare_OldRowWithoutSecondStage_FallsBackToSixtyFourBitThreshold()
    {
        var full = Detector.Signature("a", Body)!;
        var near = DedupSignature.Legacy(full.Fingerprint ^ 0b111UL);
        var far = DedupSignature.Legacy(~full.Fingerprint);

        Assert.Equal(new DedupVerdict(true, 3, null), Detector.Compare(full, near));
        Assert.False(Detector.Compare(far, full).IsDuplicate);
    }

    [Fact]
    public void ParseSketch_RoundTripAndDamagedText_EmptyNotThrow()
    {
        var signature = Detector.Signature("a", Body)!;

        Assert.Equal(signature.Sketch, DedupSignature.ParseSketch(signature.SketchText));
        Assert.Empty(DedupSignature.ParseSketch("not base64!"));
        Assert.Empty(DedupSignature.ParseSketch(null));
    }

    [Fact]
    public void Similarity_IdenticalAndDisjointSketches_OneAndNearZero()
    {
        var a = MinHashSketch.Compute(Body);
        var b = MinHashSketch.Compute("北京市卫生健康委信息中心近日组织开展医疗卫生行业网络安全攻防演练，三十家医疗机构参加。演练采用红蓝对抗方式。");

        Assert.Equal(1.0, MinHashSketch.Similarity(a, a));
        Assert.InRange(MinHashSketch.Similarity(a, b), 0, 0.1);
    }
}
