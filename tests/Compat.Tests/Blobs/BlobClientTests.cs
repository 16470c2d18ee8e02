using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using HealthItFunctions.Testing;

namespace Compat.Tests.Blobs;

public sealed class BlobClientTests(AzuriteFixture azurite) : BlobTestBase(azurite)
{
    [Fact]
    public async Task UploadAsync_WithHeadersAndMetadata_DownloadReturnsContentAndDetails()
    {
        BlobClient blob = Container.GetBlobClient("report.json");
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/json", ContentLanguage = "de" },
            Metadata = new Dictionary<string, string> { ["source"] = "crawler", ["run"] = "42" },
        };

        Response<BlobContentInfo> uploaded = await blob.UploadAsync(BinaryData.FromString("""{"ok":true}"""), options, Cancellation);
        Response<BlobDownloadResult> downloaded = await blob.DownloadContentAsync(Cancellation);

        Assert.Equal(201, uploaded.GetRawResponse().Status);
        Assert.Equal("""{"ok":true}""", downloaded.Value.Content.ToString());
        BlobDownloadDetails details = downloaded.Value.Details;
        Assert.Equal("application/json", details.ContentType);
        Assert.Equal("de", details.ContentLanguage);
        Assert.Equal(11, details.ContentLength);
        Assert.Equal(uploaded.Value.ETag, details.ETag);
        Assert.Equal(uploaded.Value.LastModified, details.LastModified);
        Assert.Equal("crawler", details.Metadata["source"]);
        Assert.Equal("42", details.Metadata["RUN"]);
    }

    [Fact]
    public async Task GetPropertiesAsync_AfterUpload_ReturnsTypeLengthMetadataAndETag()
    {
        BlobClient blob = Container.GetBlobClient("page.html");
        Response<BlobContentInfo> uploaded = await blob.UploadAsync(
            BinaryData.FromString("<html></html>"),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/html" }, Metadata = new Dictionary<string, string> { ["kind"] = "page" } },
            Cancellation);

        BlobProperties properties = (await blob.GetPropertiesAsync(cancellationToken: Cancellation)).Value;

        Assert.Equal("text/html", properties.ContentType);
        Assert.Equal(13, properties.ContentLength);
        Assert.Equal("page", properties.Metadata["kind"]);
        Assert.Equal(uploaded.Value.ETag, properties.ETag);
        Assert.Equal(uploaded.Value.LastModified, properties.LastModified);
        Assert.NotEqual(default, properties.CreatedOn);
    }

    [Fact]
    public async Task UploadAsync_OverwriteTrue_ReplacesContentAndMetadata()
    {
        BlobClient blob = Container.GetBlobClient("state.txt");
        await blob.UploadAsync(BinaryData.FromString("first"), overwrite: false, Cancellation);

        await blob.UploadAsync(BinaryData.FromString("second"), overwrite: true, Cancellation);

        Assert.Equal("second", (await blob.DownloadContentAsync(Cancellation)).Value.Content.ToString());
    }

    [Fact]
    public async Task UploadAsync_OverwriteFalseOnExistingBlob_Throws409BlobAlreadyExistsAndKeepsContent()
    {
        BlobClient blob = Container.GetBlobClient("once.txt");
        await blob.UploadAsync(BinaryData.FromString("original"), Cancellation);

        var error = await Assert.ThrowsAsync<RequestFailedException>(
            () => blob.UploadAsync(BinaryData.FromString("replacement"), overwrite: false, Cancellation));

        Assert.Equal(409, error.Status);
        Assert.Equal("BlobAlreadyExists", error.ErrorCode);
        Assert.Equal("original", (await blob.DownloadContentAsync(Cancellation)).Value.Content.ToString());
    }

    [Fact]
    public async Task DownloadContentAsync_MissingBlob_Throws404BlobNotFound()
    {
        BlobClient blob = Container.GetBlobClient("missing.txt");

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => blob.DownloadContentAsync(Cancellation));

        Assert.Equal(404, error.Status);
        Assert.Equal("BlobNotFound", error.ErrorCode);
    }

    [Fact]
    public async Task ExistsAsync_BeforeAndAfterUpload_FalseThenTrue()
    {
        BlobClient blob = Container.GetBlobClient("later.txt");
        BlobClient inMissingContainer = new BlobContainerClient(Azurite.ConnectionString, Azurite.UniqueName("nocontainer")).GetBlobClient("x");

        bool before = await blob.ExistsAsync(Cancellation);
        await blob.UploadAsync(BinaryData.FromString("now"), Cancellation);
        bool after = await blob.ExistsAsync(Cancellation);

        Assert.False(before);
        Assert.True(after);
        Assert.False((await inMissingContainer.ExistsAsync(Cancellation)).Value);
    }

    [Fact]
    public async Task UploadAsync_SeekableStream_UploadsFromItsPositionAndLeavesItOpen()
    {
        BlobClient blob = Container.GetBlobClient("stream.bin");
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("skip|payload"));
        stream.Position = 5;

        await blob.UploadAsync(stream, Cancellation);

        Assert.Equal("payload", (await blob.DownloadContentAsync(Cancellation)).Value.Content.ToString());
        Assert.True(stream.CanRead);
    }

    [Fact]
    public async Task UploadAsync_ForwardOnlyStream_UploadsAllOfIt()
    {
        BlobClient blob = Container.GetBlobClient("forward.bin");
        var bytes = Enumerable.Range(0, 100_000).Select(index => (byte)index).ToArray();
        using var stream = new ForwardOnlyStream(bytes);

        await blob.UploadAsync(stream, overwrite: true, Cancellation);

        Assert.Equal(bytes, (await blob.DownloadContentAsync(Cancellation)).Value.Content.ToArray());
    }

    [Fact]
    public async Task UploadAsync_NameWithSpacesSlashesAndUnicode_RoundTripsAndLists()
    {
        const string name = "dir/sub dir/ünï cødé+%#?.txt";
        BlobClient blob = Container.GetBlobClient(name);

        await blob.UploadAsync(BinaryData.FromString("odd name"), Cancellation);
        BlobItem[] listed = await Container.GetBlobsAsync(prefix: "dir/", cancellationToken: Cancellation).ToArrayAsync(Cancellation);

        Assert.Equal("odd name", (await blob.DownloadContentAsync(Cancellation)).Value.Content.ToString());
        Assert.Equal(name, Assert.Single(listed).Name);
        Assert.Equal(name, blob.Name);
    }

    // Also exercises the overloads without a CancellationToken, which product code may call.
#pragma warning disable xUnit1051
    [Fact]
    public void SynchronousMethods_UploadExistsPropertiesDownload_BehaveLikeAsync()
    {
        BlobClient blob = Container.GetBlobClient("sync.txt");

        bool before = blob.Exists(Cancellation);
        blob.Upload(BinaryData.FromString("sync"), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/plain" } }, Cancellation);
        var conflict = Assert.Throws<RequestFailedException>(() => blob.Upload(BinaryData.FromString("again")));
        blob.Upload(new MemoryStream(Encoding.UTF8.GetBytes("sync 2")), overwrite: true, Cancellation);

        Assert.False(before);
        Assert.Equal(409, conflict.Status);
        Assert.True(blob.Exists(Cancellation).Value);
        Assert.Equal(6, blob.GetProperties(cancellationToken: Cancellation).Value.ContentLength);
        Assert.Equal("sync 2", blob.DownloadContent().Value.Content.ToString());
    }
#pragma warning restore xUnit1051

    [Fact]
    public void BlobClient_FromUriAndSharedKey_ParsesNamesAndReachesTheBlob()
    {
        Container.GetBlobClient("a/b.txt").Upload(BinaryData.FromString("by uri"), Cancellation);
        var uri = new Uri($"{Azurite.BlobEndpoint}/{Container.Name}/a/b.txt");

        var blob = new BlobClient(uri, new Azure.Storage.StorageSharedKeyCredential(Azurite.AccountName, Azurite.AccountKey));

        Assert.Equal(Container.Name, blob.BlobContainerName);
        Assert.Equal("a/b.txt", blob.Name);
        Assert.Equal(Azurite.AccountName, blob.AccountName);
        Assert.Equal("by uri", blob.DownloadContent(Cancellation).Value.Content.ToString());
    }

    /// <summary>A stream that cannot seek or tell its length, like a network response body.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream _inner = new(bytes);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
