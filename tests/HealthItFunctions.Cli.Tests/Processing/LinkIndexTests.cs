using HealthItFunctions.Core.Articles;
using HealthItFunctions.Core.Bulletins;
using HealthItFunctions.Testing;

namespace HealthItFunctions.Cli.Tests.Processing;

/// <summary>The article index's states under races and the operator's "forget", against Azurite.</summary>
[Collection(ProcessingStorage.Name)]
public sealed class LinkIndexTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RecordDroppedAsync_LinkAlreadyStored_StaysStored()
    {
        await using var harness = await IngestHarness.StartAsync(azurite, ["www.index.test"]);
        var id = "idx-" + Guid.NewGuid().ToString("N");
        await harness.Store.MarkStoredAsync(id, BulletinMonth.Parse("2021-08"), Ct);

        await harness.Store.RecordDroppedAsync(id, "https://www.index.test/a.html", "not an article: Blocked", Ct);

        Assert.Equal(LinkState.Stored, await harness.Store.GetStateAsync(id, Ct));
    }

    [Fact]
    public async Task ForgetAsync_DroppedLink_BecomesUnknown()
    {
        await using var harness = await IngestHarness.StartAsync(azurite, ["www.index.test"]);
        var id = "idx-" + Guid.NewGuid().ToString("N");
        await harness.Store.RecordDroppedAsync(id, "https://www.index.test/b.html", "not an article: Blocked", Ct);

        var before = await harness.Store.ForgetAsync(id, Ct);

        Assert.Equal(LinkState.Dropped, before);
        Assert.Equal(LinkState.Unknown, await harness.Store.GetStateAsync(id, Ct));
    }

    [Fact]
    public async Task ForgetAsync_StoredLink_IsKept()
    {
        await using var harness = await IngestHarness.StartAsync(azurite, ["www.index.test"]);
        var id = "idx-" + Guid.NewGuid().ToString("N");
        await harness.Store.MarkStoredAsync(id, BulletinMonth.Parse("2021-08"), Ct);

        Assert.Equal(LinkState.Stored, await harness.Store.ForgetAsync(id, Ct));
        Assert.Equal(LinkState.Stored, await harness.Store.GetStateAsync(id, Ct));
    }
}
