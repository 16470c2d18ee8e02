using Azure.Storage.Blobs;
using HealthItFunctions.Core.Extraction.Lexicon;
using HealthItFunctions.Infrastructure.Sources;
using HealthItFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HealthItFunctions.Cli.Tests.Polling;

/// <summary>The live extraction lexicon against Azurite: an edited blob goes live, a bad edit is refused with its line and field.</summary>
public sealed class BlobExtractionLexiconTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReloadNowAsync_EditedThenBrokenBlob_EditGoesLiveAndBrokenOneIsRefused()
    {
        await using var site = await LoopbackSite.StartAsync(_ => { });
        using var polling = new PollingHost(azurite, site, PollingHost.ListCatalog("shipped", "shipped.test"), []);
        var live = polling.Services.GetRequiredService<BlobExtractionLexicon>();
        Assert.Same(live, polling.Services.GetRequiredService<IExtractionLexiconSource>());
        var shipped = live.Current;
        var container = polling.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(polling.CatalogContainer);
        await container.CreateIfNotExistsAsync(cancellationToken: Ct);
        var blob = container.GetBlobClient(ExtractionLexiconLoader.FileName);
        var json = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "seeds", ExtractionLexiconLoader.FileName));

        await blob.UploadAsync(BinaryData.FromString(json.Replace("\"source\": [\"来源于\",", "\"source\": [\"供稿单位\", \"来源于\",", StringComparison.Ordinal)), overwrite: true, Ct);
        await live.ReloadNowAsync(Ct);
        var edited = live.Current;
        await blob.UploadAsync(BinaryData.FromString(json.Replace("\"justNow\": [\"刚刚\"]", "\"justNow\": []", StringComparison.Ordinal)), overwrite: true, Ct);
        await live.ReloadNowAsync(Ct);

        Assert.DoesNotContain("供稿单位", shipped.Lexicon.Labels.Source);
        Assert.Contains("供稿单位", edited.Lexicon.Labels.Source);
        Assert.Same(edited, live.Current);
        Assert.NotNull(live.LastRefusal);
        Assert.StartsWith($"blob {polling.CatalogContainer}/{ExtractionLexiconLoader.FileName} line ", live.LastRefusal);
        Assert.Contains("field $.comments.justNow", live.LastRefusal);
    }

    [Fact]
    public async Task ReloadNowAsync_EditedBlobDeleted_ShippedLexiconBackInForce()
    {
        await using var site = await LoopbackSite.StartAsync(_ => { });
        using var polling = new PollingHost(azurite, site, PollingHost.ListCatalog("shipped", "shipped.test"), []);
        var live = polling.Services.GetRequiredService<BlobExtractionLexicon>();
        var shipped = live.Current;
        var blob = await LexiconBlobAsync(polling);
        var json = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "seeds", ExtractionLexiconLoader.FileName));
        await blob.UploadAsync(BinaryData.FromString(json.Replace("\"source\": [\"来源于\",", "\"source\": [\"供稿单位\", \"来源于\",", StringComparison.Ordinal)), overwrite: true, Ct);
        await live.ReloadNowAsync(Ct);
        var edited = live.Current;

        await blob.DeleteAsync(cancellationToken: Ct);
        await live.ReloadNowAsync(Ct);

        Assert.NotSame(shipped, edited);
        Assert.Same(shipped, live.Current);
    }

    [Fact]
    public async Task ReloadNowAsync_FirstBlobRefused_ShippedLexiconStaysWithFileLineAndField()
    {
        await using var site = await LoopbackSite.StartAsync(_ => { });
        using var polling = new PollingHost(azurite, site, PollingHost.ListCatalog("shipped", "shipped.test"), []);
        var live = polling.Services.GetRequiredService<BlobExtractionLexicon>();
        var shipped = live.Current;
        var blob = await LexiconBlobAsync(polling);
        var json = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "seeds", ExtractionLexiconLoader.FileName));
        var broken = json.Replace("\"permission\": [\"授权\"]", "\"permission\": [\"授权\", \"授权\"]", StringComparison.Ordinal);
        var line = broken[..broken.IndexOf("\"permission\"", StringComparison.Ordinal)].Count(c => c == '\n') + 1;

        await blob.UploadAsync(BinaryData.FromString(broken), overwrite: true, Ct);
        await live.ReloadNowAsync(Ct);

        Assert.Same(shipped, live.Current);
        Assert.Equal($"blob {polling.CatalogContainer}/{ExtractionLexiconLoader.FileName} line {line}, field $.boilerplate.permission[1]: '授权' appears twice", live.LastRefusal);
    }

    private static async Task<BlobClient> LexiconBlobAsync(PollingHost polling)
    {
        var container = polling.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(polling.CatalogContainer);
        await container.CreateIfNotExistsAsync(cancellationToken: Ct);
        return container.GetBlobClient(ExtractionLexiconLoader.FileName);
    }
}
