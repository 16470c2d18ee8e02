using HealthItFunctions.Core.Articles;
using HealthItFunctions.Core.Bulletins;
using HealthItFunctions.Core.Dedup;
using HealthItFunctions.Core.Extraction.Sources;
using HealthItFunctions.Core.Polling;

namespace HealthItFunctions.Core.Tests.Dedup;

public sealed class ReprintClustererTests
{
    private const string InternetHospital =
        "北京协和医院互联网医院近日正式上线，首批开放心内科等12个科室的线上复诊服务。患者通过手机端即可完成预约、问诊、缴费等环节，" +
        "医生可在线开具电子处方。药品可以通过物流配送到家，北京市内一般两天内送达。医保患者在线复诊可享受医保实时结算，个人只需支付自付部分。" +
        "上线第一个月，互联网医院接诊量已超过三千人次。为保障医疗质量，医院对线上诊疗实行与线下一致的质控标准。";

    // The same topic (an internet hospital opening), a different hospital and a different story.
    private const string OtherInternetHospital =
        "北京中医医院互联网医院开诊四个月，肝病科、皮肤科等专家陆续入驻，线上门诊量稳步增长。医院印制了操作指南，门诊部派专人负责沟通，" +
        "解决患者不会进入诊室、错过呼叫等问题。中医特色的膏方和代煎服务也搬到了线上，慢性病患者尤其受益。院方表示将继续扩展服务功能。";

    private static readonly DateTimeOffset August = new(2021, 8, 1, 9, 0, 0, TimeSpan.FromHours(8));

    private readonly ReprintClusterer _clusterer = new(new NearDuplicateDetector(), new PrimaryRule(new FileSourceCatalog(SourceCatalog.Empty)));

    [Fact]
    public void Cluster_ReprintPublishedLater_JoinsEarlierOriginal()
    {
        var result = _clusterer.Cluster([
            new ReprintCandidate("reprint", "人民日报：协和互联网医院上线", "来源：人民日报\n" + InternetHospital + "\n责任编辑：李明", August.AddDays(2)),
            new ReprintCandidate("original", "北京协和医院互联网医院正式上线", InternetHospital, August),
        ]);

        Assert.Equal(["reprint", "original"], result.Select(r => r.Id));
        Assert.Equal(new ReprintAssignment("reprint", "original", false, result[0].Fingerprint, result[0].Distance), result[0]);
        Assert.True(result[1].Primary);
        Assert.Equal("original", result[1].Cluster);
    }

    [Fact]
    public void Cluster_LaterCopyCreditingTheMoreAuthoritativeOutlet_IsPrimaryAsInThePipeline()
    {
        var catalog = new FileSourceCatalog(SourceCatalog.Parse("""
            { "version": 2, "sources": [
              { "id": "portal", "media": "某门户", "hosts": ["portal.example"], "authority": 10 },
              { "id": "commission", "media": "北京市卫生健康委员会", "hosts": ["wjw.example"], "authority": 100 } ] }
            """));
        var clusterer = new ReprintClusterer(new NearDuplicateDetector(), new PrimaryRule(catalog));
        var portal = new ReprintCandidate("portal", "协和互联网医院上线", InternetHospital, August, "某门户");
        var commission = new ReprintCandidate("commission", "北京协和医院互联网医院正式上线", InternetHospital + "\n来源：北京市卫生健康委员会", August.AddHours(3), "北京市卫生健康委员会");

        var result = clusterer.Cluster([portal, commission]);

        Assert.Equal([("commission", false), ("commission", true)], result.Select(r => (r.Cluster, r.Primary)));
        // The pipeline's planner, asked about the same two copies as stored articles, keeps the same one.
        var planner = new ClusterPlanner(new NearDuplicateDetector(), catalog);
        var month = BulletinMonth.Parse("2021-08");
        Assert.True(planner.Outranks(
            new ArticleFingerprint("commission", month, "commission", commission.PublishTime, 1, "commission", Media: commission.Source),
            new ArticleFingerprint("portal", month, "portal", portal.PublishTime, 1, "portal", Media: portal.Source)));
    }

    [Fact]
    public void Cluster_SameTopicDifferentStories_StayApart()
    {
        var result = _clusterer.Cluster([
            new ReprintCandidate("a", "协和互联网医院上线", InternetHospital, August),
            new ReprintCandidate("b", "中医医院互联网医院开诊四个月", OtherInternetHospital, August.AddDays(1)),
        ]);

        Assert.All(result, r => Assert.True(r.Primary));
        Assert.Equal(["a", "b"], result.Select(r => r.Cluster));
    }

    [Fact]
    public void Cluster_NoPublishTimes_FirstSeenIsPrimary()
    {
        var result = _clusterer.Cluster([
            new ReprintCandidate("first", null, InternetHospital),
            new ReprintCandidate("second", null, InternetHospital + "\n扫码关注我们"),
        ]);

        Assert.Equal(("first", true), (result[0].Cluster, result[0].Primary));
        Assert.Equal(("first", false), (result[1].Cluster, result[1].Primary));
    }

    [Fact]
    public void Cluster_KnownTimeBeatsUnknown_TimedCopyIsPrimary()
    {
        var result = _clusterer.Cluster([
            new ReprintCandidate("undated", null, InternetHospital),
            new ReprintCandidate("dated", null, InternetHospital, August),
        ]);

        Assert.Equal("dated", result[0].Cluster);
        Assert.True(result[1].Primary);
    }

    [Fact]
    public void Cluster_EmptyBodies_NeverMerged()
    {
        var result = _clusterer.Cluster([new ReprintCandidate("x", null, ""), new ReprintCandidate("y", null, null)]);

        Assert.All(result, r => Assert.True(r.Primary));
        Assert.All(result, r => Assert.Null(r.Fingerprint));
    }

    [Fact]
    public void Cluster_ShortBodiesDifferentTitles_TitleKeepsThemApart()
    {
        var result = _clusterer.Cluster([
            new ReprintCandidate("x", "北京协和医院互联网医院正式上线", "详见附件。"),
            new ReprintCandidate("y", "北京市网络安全攻防演练圆满结束", "详见附件。"),
        ]);

        Assert.All(result, r => Assert.True(r.Primary));
    }

    [Fact]
    public void Cluster_DuplicateIds_ThrowsNamingTheId()
    {
        var error = Assert.Throws<ArgumentException>(() => _clusterer.Cluster([new ReprintCandidate("x", null, "a"), new ReprintCandidate("x", null, "b")]));

        Assert.Contains("'x'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsNearDuplicate_AtAndAboveThreshold_Boundary()
    {
        var detector = new NearDuplicateDetector(threshold: 3);

        Assert.True(detector.IsNearDuplicate(0UL, 0b111UL));
        Assert.False(detector.IsNearDuplicate(0UL, 0b1111UL));
    }
}
