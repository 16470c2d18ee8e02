using Azure.Core;
using Azure.Core.Pipeline;
using HealthItFunctions.Cli.Tests.Crash;
using HealthItFunctions.Core.Articles;
using HealthItFunctions.Core.Bulletins;
using HealthItFunctions.Testing;
using HealthItFunctions.Testing.Faults;

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

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RecordDroppedAsync_StoredBetweenItsReadAndItsWrite_StaysStored(bool droppedBefore)
    {
        var slot = new FaultSlot();
        await using var harness = await StorageFaults.StartAsync(azurite, ["www.index.test"], slot);
        var id = "idx-" + Guid.NewGuid().ToString("N");
        if (droppedBefore)
        {
            await harness.Store.RecordDroppedAsync(id, "https://www.index.test/c.html", "not an article: Empty", Ct);
        }

        var interleaved = new AfterFirstRead(id, () => harness.Store.MarkStoredAsync(id, BulletinMonth.Parse("2021-08"), Ct));
        slot.Policy = interleaved;
        await harness.Store.RecordDroppedAsync(id, "https://www.index.test/c.html", "not an article: Empty", Ct);

        Assert.True(interleaved.Fired, "the concurrent store did not run between the read and the write");
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

    /// <summary>Runs an action once, as soon as the first read of an address containing the marker has its answer: a concurrent writer, exactly between a read and the write that follows it.</summary>
    private sealed class AfterFirstRead(string marker, Func<Task> action) : HttpPipelinePolicy
    {
        private int _fired;

        public bool Fired => Volatile.Read(ref _fired) == 1;

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            await ProcessNextAsync(message, pipeline);
            if (message.Request.Method == RequestMethod.Get && message.Request.Uri.ToString().Contains(marker, StringComparison.Ordinal)
                && Interlocked.Exchange(ref _fired, 1) == 0)
            {
                await action();
            }
        }
    }
}
