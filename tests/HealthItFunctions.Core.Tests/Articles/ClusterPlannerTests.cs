using HealthItFunctions.Core.Articles;
using HealthItFunctions.Core.Bulletins;
using HealthItFunctions.Core.Dedup;
using HealthItFunctions.Core.Extraction.Sources;
using HealthItFunctions.Core.Polling;

namespace HealthItFunctions.Core.Tests.Articles;

public sealed class ClusterPlannerTests
{
    private static readonly ClusterPlanner Planner = new(new NearDuplicateDetector(), new FileSourceCatalog(SourceCatalog.Parse("""
        { "version": 2, "sources": [
          { "id": "outlet", "media": "HIT 专家网", "hosts": ["outlet.example"], "authority": 50 },
          { "id": "commission", "media": "北京市卫生健康委员会", "hosts": ["wjw.example"], "authority": 100 } ] }
        """)));

    private static readonly DateTimeOffset Day = new(2021, 8, 3, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Outranks_CommissionCopyCreditingTheOutlet_RanksAsTheOutletSoTheEarlierOriginalWins()
    {
        var original = Copy("a", "outlet", "HIT专家网", Day);
        var reprint = Copy("b", "commission", "HIT专家网", Day.AddDays(1));

        Assert.True(Planner.Outranks(original, reprint));
        Assert.False(Planner.Outranks(reprint, original));
    }

    [Fact]
    public void Outranks_CommissionsOwnStory_KeepsItsAuthority()
    {
        var own = Copy("b", "commission", "北京市卫生健康委员会", Day.AddDays(1));
        var outletCopy = Copy("a", "outlet", "HIT专家网", Day);

        Assert.True(Planner.Outranks(own, outletCopy));
    }

    [Fact]
    public void Outranks_CopyCreditingAnUnknownOutlet_KeepsItsSitesAuthority()
    {
        var unknownCredit = Copy("b", "commission", "某某公众号", Day.AddDays(1));
        var outletCopy = Copy("a", "outlet", "HIT专家网", Day);

        Assert.True(Planner.Outranks(unknownCredit, outletCopy));
    }

    [Fact]
    public void Plan_SketchedReprintAndUnsketchedOldRow_JoinsBothByTheirOwnRules()
    {
        var detector = new NearDuplicateDetector();
        const string Body = "北京协和医院互联网医院近日正式上线，首批开放心内科等12个科室的线上复诊服务。患者通过手机端即可完成预约、问诊、缴费等环节，医生可在线开具电子处方。\n" +
            "药品可以通过物流配送到家，北京市内一般两天内送达。医保患者在线复诊可享受医保实时结算，个人只需支付自付部分。\n" +
            "上线第一个月，互联网医院接诊量已超过三千人次。为保障医疗质量，医院对线上诊疗实行与线下一致的质控标准。";
        var self = detector.Signature("t", Body)!;
        var reprint = detector.Signature("t", "来源：人民日报\n" + Body[..Body.LastIndexOf('\n')])!;
        var window = new[]
        {
            Signed("original", Day, reprint),
            new ArticleFingerprint("old", BulletinMonth.BeijingMonthOf(Day), "old", Day.AddDays(1), self.Fingerprint ^ 0b1011UL, "outlet"),
            new ArticleFingerprint("far", BulletinMonth.BeijingMonthOf(Day), "far", Day, ~self.Fingerprint, "outlet"),
        };

        var plan = Planner.Plan(Signed("new", Day.AddDays(2), self), window);

        Assert.Equal("original", plan.ClusterId);
        Assert.Equal(["old", "new"], plan.Repoint.Select(m => m.Id));
    }

    private static ArticleFingerprint Signed(string id, DateTimeOffset at, DedupSignature signature) =>
        new(id, BulletinMonth.BeijingMonthOf(at), id, at, signature.Fingerprint, "outlet", Fingerprint2: signature.Fingerprint2, Sketch: signature.SketchText);

    private static ArticleFingerprint Copy(string id, string source, string media, DateTimeOffset at) =>
        new(id, BulletinMonth.BeijingMonthOf(at), id, at, 42, source, Media: media);
}
