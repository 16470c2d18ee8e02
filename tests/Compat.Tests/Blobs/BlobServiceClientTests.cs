using Azure;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using HealthItFunctions.Testing;

namespace Compat.Tests.Blobs;

public sealed class BlobServiceClientTests(AzuriteFixture azurite) : BlobTestBase(azurite)
{
    private const string SomeKey = "c29tZSBhY2NvdW50IGtleQ==";

    [Fact]
    public async Task Constructor_ConnectionStringWithExplicitEndpoints_ReachesAzurite()
    {
        var service = new BlobServiceClient(Azurite.ConnectionString);
        BlobContainerClient container = service.GetBlobContainerClient(Azurite.UniqueName("viaservice"));

        await container.CreateIfNotExistsAsync(cancellationToken: Cancellation);
        await container.GetBlobClient("x.txt").UploadAsync(BinaryData.FromString("x"), Cancellation);

        Assert.Equal(Azurite.AccountName, service.AccountName);
        Assert.Equal(Azurite.BlobEndpoint, service.Uri);
        Assert.True((await container.GetBlobClient("x.txt").ExistsAsync(Cancellation)).Value);
    }

    [Fact]
    public async Task Constructor_UriAndSharedKeyCredential_ReachesAzurite()
    {
        var service = new BlobServiceClient(Azurite.BlobEndpoint, new StorageSharedKeyCredential(Azurite.AccountName, Azurite.AccountKey));

        BlobClient blob = service.GetBlobContainerClient(Container.Name).GetBlobClient("keyed.txt");
        await blob.UploadAsync(BinaryData.FromString("keyed"), Cancellation);

        Assert.Equal("keyed", (await Container.GetBlobClient("keyed.txt").DownloadContentAsync(Cancellation)).Value.Content.ToString());
    }

    [Fact]
    public async Task SetAccountKey_AfterAWrongKey_LaterRequestsSignWithTheNewKey()
    {
        var credential = new StorageSharedKeyCredential(Azurite.AccountName, SomeKey);
        BlobClient blob = new BlobServiceClient(Azurite.BlobEndpoint, credential).GetBlobContainerClient(Container.Name).GetBlobClient("rotated.txt");

        var rejected = await Assert.ThrowsAsync<RequestFailedException>(() => blob.UploadAsync(BinaryData.FromString("x"), Cancellation));
        credential.SetAccountKey(Azurite.AccountKey);
        await blob.UploadAsync(BinaryData.FromString("x"), Cancellation);

        Assert.Equal(403, rejected.Status);
        Assert.False(string.IsNullOrEmpty(rejected.ErrorCode));
        Assert.True((await blob.ExistsAsync(Cancellation)).Value);
    }

    [Fact]
    public void Constructor_UseDevelopmentStorage_PointsAtTheEmulatorsWellKnownEndpoints()
    {
        var blobs = new BlobServiceClient("UseDevelopmentStorage=true");
        var queue = new QueueClient("UseDevelopmentStorage=true", "jobs");

        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1"), blobs.Uri);
        Assert.Equal("devstoreaccount1", blobs.AccountName);
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1/jobs"), queue.Uri);
        Assert.Equal("devstoreaccount1", queue.AccountName);
    }

    [Fact]
    public void Constructor_AccountNameProtocolAndSuffix_DerivesTheServiceEndpoints()
    {
        const string connectionString = $"DefaultEndpointsProtocol=https;AccountName=healthit;AccountKey={SomeKey};EndpointSuffix=core.chinacloudapi.cn";

        var container = new BlobContainerClient(connectionString, "docs");
        var queue = new QueueClient(connectionString, "jobs");

        Assert.Equal(new Uri("https://healthit.blob.core.chinacloudapi.cn/docs"), container.Uri);
        Assert.Equal(new Uri("https://healthit.queue.core.chinacloudapi.cn/jobs"), queue.Uri);
        Assert.Equal("healthit", container.AccountName);
    }

    [Fact]
    public void Constructor_SharedAccessSignature_EveryDerivedUriCarriesIt()
    {
        var service = new BlobServiceClient("BlobEndpoint=https://healthit.blob.core.windows.net/;SharedAccessSignature=sv=2025-11-05&sig=abc%3D");

        BlobClient blob = service.GetBlobContainerClient("docs").GetBlobClient("a b.txt");

        Assert.Equal("https://healthit.blob.core.windows.net/docs/a%20b.txt?sv=2025-11-05&sig=abc%3D", blob.Uri.AbsoluteUri);
        Assert.False(blob.CanGenerateSasUri);
    }

    [Theory]
    [InlineData("no equals sign")]
    [InlineData("AccountKey=c29tZQ==")]
    [InlineData("DefaultEndpointsProtocol=https")]
    public void Constructor_InvalidConnectionString_ThrowsFormatException(string connectionString)
    {
        Assert.Throws<FormatException>(() => new BlobServiceClient(connectionString));
    }
}
