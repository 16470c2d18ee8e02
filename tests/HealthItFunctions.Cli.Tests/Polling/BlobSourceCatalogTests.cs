using Azure.Storage.Blobs;
using HealthItFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HealthItFunctions.Cli.Tests.Polling;

/// <summary>The live catalog against Azurite: the blob wins over the shipped file, a bad edit is refused, a good one goes live.</summary>
public sealed class BlobSourceCatalogTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    /// <summary>A catalog with a missing comma on line 6.</summary>
    private static readonly string BrokenCatalog = PollingHost.ListCatalog("broken", "broken.test").Replace("\"media\": \"测试媒体\",", "\"media\": \"测试媒体\"");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReloadNowAsync_BlobWithError_LeavesPreviousCatalogInForce()
    {
        using var polling = NewHost();
        var shipped = polling.Catalog.InForce;
        var blob = await SourcesBlobAsync(polling);

        await blob.UploadAsync(BinaryData.FromString(PollingHost.ListCatalog("edited", "edited.test")), overwrite: true, Ct);
        await polling.Catalog.ReloadNowAsync(Ct);
        var edited = polling.Catalog.InForce;
        await blob.UploadAsync(BinaryData.FromString(BrokenCatalog), overwrite: true, Ct);
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
        using var polling = NewHost(new Dictionary<string, string?> { ["Sources:CheckInterval"] = "01:00:00" });
        _ = polling.Catalog.InForce;
        await (await SourcesBlobAsync(polling)).UploadAsync(BinaryData.FromString(PollingHost.ListCatalog("edited", "edited.test")), overwrite: true, Ct);

        await polling.Catalog.RefreshAsync(Ct);
        var beforeDue = polling.Catalog.Current.Sources[0].Id;
        await polling.Catalog.ReloadNowAsync(Ct);

        Assert.Equal("shipped", beforeDue);
        Assert.Equal("edited", polling.Catalog.Current.Sources[0].Id);
    }

    [Fact]
    public async Task ReloadNowAsync_EditedBlobDeleted_ShippedFileBackInForce()
    {
        using var polling = NewHost();
        _ = polling.Catalog.InForce;
        var blob = await SourcesBlobAsync(polling);
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
        using var polling = NewHost();
        await (await SourcesBlobAsync(polling)).UploadAsync(BinaryData.FromString(BrokenCatalog), overwrite: true, Ct);

        var inForce = polling.Catalog.InForce;

        Assert.Equal("shipped", Assert.Single(inForce.Catalog.Sources).Id);
        Assert.Null(inForce.BlobETag);
        Assert.StartsWith($"blob {polling.CatalogContainer}/sources.json line 6", polling.Catalog.LastRefusal);
    }

    /// <summary>No site to poll: only the container's storage and config blobs are used.</summary>
    private PollingHost NewHost(IDictionary<string, string?>? overrides = null) =>
        new(azurite, site: null, PollingHost.ListCatalog("shipped", "shipped.test"), [], overrides);

    private static async Task<BlobClient> SourcesBlobAsync(PollingHost polling)
    {
        var container = polling.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(polling.CatalogContainer);
        await container.CreateIfNotExistsAsync(cancellationToken: Ct);
        return container.GetBlobClient("sources.json");
    }
}
