using HealthItFunctions.Core.Dedup;

namespace HealthItFunctions.Core.Tests.Dedup;

public sealed class SimHashTests
{
    private const string Story =
        "北京协和医院互联网医院近日正式上线，首批开放心内科等12个科室的线上复诊服务。患者通过手机端即可完成预约、问诊、缴费等环节，" +
        "医生可在线开具电子处方。药品可以通过物流配送到家，北京市内一般两天内送达。医保患者在线复诊可享受医保实时结算，个人只需支付自付部分。" +
        "上线第一个月，互联网医院接诊量已超过三千人次。为保障医疗质量，医院对线上诊疗实行与线下一致的质控标准。";

    [Fact]
    public void Compute_SameText_SameFingerprint()
    {
        Assert.Equal(SimHash.Compute(Story), SimHash.Compute(Story));
        Assert.NotEqual(0UL, SimHash.Compute(Story));
    }

    [Fact]
    public void Compute_LayoutPunctuationAndFullWidthDiffer_SameFingerprint()
    {
        var relaid = Story.Replace("，", ", ", StringComparison.Ordinal).Replace("。", "。\n\n", StringComparison.Ordinal).Replace("12", "１２", StringComparison.Ordinal);

        Assert.Equal(SimHash.Compute(Story), SimHash.Compute(relaid));
    }

    [Fact]
    public void Compute_BoilerplateLinesAndDatelineSwapped_SameFingerprint()
    {
        var original = "来源：中国数字医学\n" + Story + "\n责任编辑：李明";
        var reprint = "发布时间：2021-08-03  来源：人民日报\n人民日报讯（记者 王建国）" + Story + "\n【纠错】 【责任编辑：张华】\n扫码关注人民日报公众号";

        Assert.Equal(0, SimHash.Distance(SimHash.Compute(original), SimHash.Compute(reprint)));
    }

    [Fact]
    public void Compute_SmallEdit_FewBitsApart()
    {
        var edited = Story.Replace("三千", "三千多", StringComparison.Ordinal);

        Assert.InRange(SimHash.Distance(SimHash.Compute(Story), SimHash.Compute(edited)), 0, NearDuplicateDetector.DefaultThreshold);
    }

    [Fact]
    public void Compute_DifferentStory_ManyBitsApart()
    {
        var other = "北京市卫生健康委信息中心近日组织开展医疗卫生行业网络安全攻防演练，三十家医疗机构参加。演练采用红蓝对抗方式，" +
            "攻击方在五天内对参演单位的信息系统发起模拟攻击。各单位按照等保三级要求完善了边界防护和日志审计措施。";

        Assert.True(SimHash.Distance(SimHash.Compute(Story), SimHash.Compute(other)) > NearDuplicateDetector.DefaultThreshold);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("，。！ \n")]
    public void Compute_NoLettersOrDigits_Zero(string? text) => Assert.Equal(0UL, SimHash.Compute(text));

    [Fact]
    public void Compute_TextShorterThanShingle_StillFingerprinted() => Assert.NotEqual(0UL, SimHash.Compute("医院", shingleSize: 6));

    [Theory]
    [InlineData(0UL, 0UL, 0)]
    [InlineData(0UL, ulong.MaxValue, 64)]
    [InlineData(0b1011UL, 0b0001UL, 2)]
    public void Distance_Bits_CountsDifferingBits(ulong a, ulong b, int expected) => Assert.Equal(expected, SimHash.Distance(a, b));
}
