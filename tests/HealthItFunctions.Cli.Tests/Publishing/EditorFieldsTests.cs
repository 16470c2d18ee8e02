using System.Text;
using HealthItFunctions.Local;
using HealthItFunctions.Core.Articles;
using HealthItFunctions.Core.Publishing;
using HealthItFunctions.Testing;

namespace HealthItFunctions.Cli.Tests.Publishing;

/// <summary>The editor's 媒体, date and 来源: kept beside what the page said, never overwritten by the automatic writes.</summary>
public sealed class EditorFieldsTests(AzuriteFixture azurite)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EditAsync_MediaDateCredit_SurviveRedeliveryAndReclusteringAndReachTheHeader()
    {
        await using var sink = await SmtpSink.StartAsync(cancellationToken: Cancel);
        using var host = PublishingHost.Create(azurite, sink);
        var month = PublishingHost.TakeMonths();
        var seeded = (await host.SeedAsync([PublishingHost.Article(month, "北京市出生医学证明线上申领")]))[0];
        var store = host.Get<IArticleStore>();

        await store.EditAsync(seeded.Id, new ArticleEdit { Media = "腾讯新闻", Credit = "孕育妈咪圈", Date = new DateOnly(2021, 9, 1) }, null, Cancel);
        // What the automatic side does later: a second delivery of the page (re-extracted, another 来源) and re-clustering.
        var again = await store.AddAsync(seeded with { Media = "某自媒体", Title = "重新抽取的标题" }, Cancel);
        await store.SetClusterAsync([new ArticleFingerprint(seeded.Id, month, seeded.Id, seeded.PublishedAt, 1)], seeded.Id, Cancel);
        var stored = await store.GetAsync(seeded.Id, Cancel);
        var markdown = Encoding.UTF8.GetString((await host.Get<BulletinPublisher>().PreviewAsync(month, Cancel)).Files.Single(f => f.FileName.EndsWith(".md", StringComparison.Ordinal)).Content);

        Assert.Equal(AddOutcome.AlreadyPresent, again);
        Assert.Equal(("腾讯新闻", "孕育妈咪圈", new DateOnly(2021, 9, 1)), (stored!.EditedMedia, stored.EditedCredit, stored.EditedDate));
        Assert.Equal("北京日报", stored.Media);
        Assert.Contains("媒体：腾讯新闻", markdown, StringComparison.Ordinal);
        Assert.Contains("（腾讯新闻）", markdown, StringComparison.Ordinal);
        Assert.Contains("北京市出生医学证明线上申领\n\n2021-09-01 来源：孕育妈咪圈", markdown, StringComparison.Ordinal);
    }
}
