using Azure.Storage.Blobs;
using HealthItFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HealthItFunctions.Cli.Tests.Polling;

/// <summary>The live catalog against Azurite: the blob wins over the shipped file, a bad edit is refused, a good one goes live.</summary>
public sealed class BlobSourceCatalogTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReloadNowAsync_BlobWithError_LeavesPreviousCatalogInForce()
    {
        await using var site = await LoopbackSite.StartAsync(_ => { });
        using var polling = new PollingHost(azurite, site, PollingHost.ListCatalog("shipped", "shipped.test"), []);
        var shipped = polling.Catalog.InForce;
        var container = polling.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(polling.CatalogContainer);
        await container.CreateIfNotExistsAsync(cancellationToken: Ct);
        var blob = container.GetBlobClient("sources.json");

        await blob.UploadAsync(BinaryData.FromString(PollingHost.ListCatalog("edited", "edited.test")), overwrite: true, Ct);
        await polling.Catalog.ReloadNowAsync(Ct);
        var edited = polling.Catalog.InForce;
        var broken = PollingHost.ListCatalog("broken", "broken.test").Replace("\"media\": \"测试媒体\",", "\"media\": \"测试媒体\"");
        await blob.UploadAsync(BinaryData.FromString(broken), overwrite: true, Ct);
        await polling.Catalog.ReloadNowAsync(Ct);
        var afterBroken = polling.Catalog.InForce;
        var refusal = polling.Catalog.LastRefusal;

        Assert.Equal("shipped", Assert.Single(shipped.Catalog.Sources).Id);
        Assert.Equal("edited", Assert.Single(edited.Catalog.Sources).Id);
        Assert.Same(edited, afterBroken);
        Assert.NotNull(refusal);
        Assert.StartsWith($"blob {polling.CatalogContainer}/sources.json line 6", refusal);
    }

    [Fact]
    public async Task RefreshAsync_WithinCheckInterval_DoesNotLookAtTheBlob()
    {
        await using var site = await LoopbackSite.StartAsync(_ => { });
        using var polling = new PollingHost(azurite, site, PollingHost.ListCatalog("shipped", "shipped.test"), [],
            new Dictionary<string, string?> { ["Sources:CheckInterval"] = "01:00:00" });
        _ = polling.Catalog.InForce;
        var container = polling.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(polling.CatalogContainer);
        await container.CreateIfNotExistsAsync(cancellationToken: Ct);
        await container.GetBlobClient("sources.json").UploadAsync(BinaryData.FromString(PollingHost.ListCatalog("edited", "edited.test")), overwrite: true, Ct);

        await polling.Catalog.RefreshAsync(Ct);
        var beforeDue = polling.Catalog.Current.Sources[0].Id;
        await polling.Catalog.ReloadNowAsync(Ct);

        Assert.Equal("shipped", beforeDue);
        Assert.Equal("edited", polling.Catalog.Current.Sources[0].Id);
    }

    [Fact]
    public async Task ReloadNowAsync_EditedBlobDeleted_ShippedFileBackInForce()
    {
        await using var site = await LoopbackSite.StartAsync(_ => { });
        using var polling = new PollingHost(azurite, site, PollingHost.ListCatalog("shipped", "shipped.test"), []);
        _ = polling.Catalog.InForce;
        var container = polling.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(polling.CatalogContainer);
        await container.CreateIfNotExistsAsync(cancellationToken: Ct);
        var blob = container.GetBlobClient("sources.json");
        await blob.UploadAsync(BinaryData.FromString(PollingHost.ListCatalog("edited", "edited.test")), overwrite: true, Ct);
        await polling.Catalog.ReloadNowAsync(Ct);
        var edited = polling.Catalog.InForce;

        await blob.DeleteAsync(cancellationToken: Ct);
        await polling.Catalog.ReloadNowAsync(Ct);

        Assert.NotNull(edited.BlobETag);
        Assert.Equal("shipped", Assert.Single(polling.Catalog.Current.Sources).Id);
        Assert.Null(polling.Catalog.InForce.BlobETag);
    }

    [Fact]
    public async Task InForce_FirstBlobRefused_ShippedFileInForceAndRefusalKept()
    {
        await using var site = await LoopbackSite.StartAsync(_ => { });
        using var polling = new PollingHost(azurite, site, PollingHost.ListCatalog("shipped", "shipped.test"), []);
        var container = polling.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(polling.CatalogContainer);
        await container.CreateIfNotExistsAsync(cancellationToken: Ct);
        var broken = PollingHost.ListCatalog("broken", "broken.test").Replace("\"media\": \"测试媒体\",", "\"media\": \"测试媒体\"");
        await container.GetBlobClient("sources.json").UploadAsync(BinaryData.FromString(broken), overwrite: true, Ct);

        var inForce = polling.Catalog.InForce;

        Assert.Equal("shipped", Assert.Single(inForce.Catalog.Sources).Id);
        Assert.Null(inForce.BlobETag);
        Assert.StartsWith($"blob {polling.CatalogContainer}/sources.json line 6", polling.Catalog.LastRefusal);
    }
}
