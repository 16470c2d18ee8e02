using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using HealthItFunctions.Testing;

namespace Compat.Tests.Blobs;

public sealed class BlobContainerClientTests(AzuriteFixture azurite) : BlobTestBase(azurite)
{
    [Fact]
    public async Task CreateIfNotExistsAsync_NewThenExisting_CreatesThenReturnsNull()
    {
        var container = new BlobContainerClient(Azurite.ConnectionString, Azurite.UniqueName("created"));

        Response<BlobContainerInfo> created = await container.CreateIfNotExistsAsync(cancellationToken: Cancellation);
        Response<BlobContainerInfo> again = await container.CreateIfNotExistsAsync(cancellationToken: Cancellation);

        Assert.Equal(201, created.GetRawResponse().Status);
        Assert.NotEqual(default, created.Value.ETag);
        Assert.Null(again);
    }

    [Fact]
    public async Task GetBlobsAsync_WithPrefix_ListsOnlyMatchingBlobsWithProperties()
    {
        await UploadAsync("reports/2024.csv", "a,b", "text/csv");
        await UploadAsync("reports/2025.csv", "a,b,c", "text/csv");
        await UploadAsync("raw/2025.html", "<p/>", "text/html");

        BlobItem[] reports = await Container.GetBlobsAsync(prefix: "reports/", cancellationToken: Cancellation).ToArrayAsync(Cancellation);

        Assert.Equal(["reports/2024.csv", "reports/2025.csv"], reports.Select(blob => blob.Name));
        BlobItemProperties latest = reports[1].Properties;
        Assert.Equal(5, latest.ContentLength);
        Assert.Equal("text/csv", latest.ContentType);
        Assert.NotNull(latest.LastModified);
        Assert.NotNull(latest.ETag);
        Assert.Empty(reports[1].Metadata);
    }

    [Fact]
    public async Task GetBlobsAsync_WithMetadataTrait_ReturnsEachBlobsMetadata()
    {
        await Container.GetBlobClient("tagged.txt").UploadAsync(
            BinaryData.FromString("x"),
            new BlobUploadOptions { Metadata = new Dictionary<string, string> { ["origin"] = "hhs" } },
            Cancellation);

        BlobItem listed = Assert.Single(await Container.GetBlobsAsync(BlobTraits.Metadata, cancellationToken: Cancellation).ToArrayAsync(Cancellation));

        Assert.Equal("hhs", listed.Metadata["origin"]);
    }

    [Fact]
    public async Task GetBlobsAsync_MoreBlobsThanThePageSize_FollowsContinuationAcrossPages()
    {
        var names = Enumerable.Range(1, 5).Select(index => $"item{index}").ToList();
        foreach (var name in names)
        {
            await UploadAsync(name, name, "text/plain");
        }

        Page<BlobItem>[] pages = await Container.GetBlobsAsync(cancellationToken: Cancellation).AsPages(pageSizeHint: 2).ToArrayAsync(Cancellation);

        Assert.Equal([2, 2, 1], pages.Select(page => page.Values.Count));
        Assert.Equal(names, pages.SelectMany(page => page.Values).Select(blob => blob.Name));
        Assert.Null(pages[^1].ContinuationToken);
    }

    [Fact]
    public void GetBlobs_Synchronous_ListsByPrefix()
    {
        Container.GetBlobClient("sync/one").Upload(BinaryData.FromString("1"), Cancellation);
        Container.GetBlobClient("other").Upload(BinaryData.FromString("2"), Cancellation);

        Assert.Equal(["sync/one"], Container.GetBlobs(prefix: "sync/", cancellationToken: Cancellation).Select(blob => blob.Name));
    }

    private Task<Response<BlobContentInfo>> UploadAsync(string name, string content, string contentType) =>
        Container.GetBlobClient(name).UploadAsync(
            BinaryData.FromString(content),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } },
            Cancellation);
}
