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

    private static ArticleFingerprint Copy(string id, string source, string media, DateTimeOffset at) =>
        new(id, BulletinMonth.BeijingMonthOf(at), id, at, 42, source, Media: media);
}
