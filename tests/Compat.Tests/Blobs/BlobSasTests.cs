using System.Net;
using Azure.Core;
using Azure.Storage.Blobs;
using Azure.Storage.Sas;
using HealthItFunctions.Testing;

namespace Compat.Tests.Blobs;

public sealed class BlobSasTests(AzuriteFixture azurite) : BlobTestBase(azurite)
{
    private static readonly HttpClient s_http = new();

    [Fact]
    public async Task GenerateSasUri_ReadPermission_PlainHttpGetReturnsTheContent()
    {
        BlobClient blob = Container.GetBlobClient("shared/report 1.pdf");
        await blob.UploadAsync(BinaryData.FromString("%PDF-1.7"), Cancellation);

        Uri sasUri = blob.GenerateSasUri(BlobSasPermissions.Read, DateTimeOffset.UtcNow.AddMinutes(5));
        using HttpResponseMessage withSas = await s_http.GetAsync(sasUri, Cancellation);
        using HttpResponseMessage withoutSas = await s_http.GetAsync(blob.Uri, Cancellation);

        Assert.True(blob.CanGenerateSasUri);
        Assert.Equal(HttpStatusCode.OK, withSas.StatusCode);
        Assert.Equal("%PDF-1.7", await withSas.Content.ReadAsStringAsync(Cancellation));
        Assert.False(withoutSas.IsSuccessStatusCode);
        Assert.Contains("sp=r", sasUri.Query, StringComparison.Ordinal);
        Assert.Contains("sr=b", sasUri.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateSasUri_BuilderWithContentTypeOverride_ServesThatContentType()
    {
        BlobClient blob = Container.GetBlobClient("download.bin");
        await blob.UploadAsync(BinaryData.FromString("bytes"), Cancellation);
        var builder = new BlobSasBuilder(BlobSasPermissions.Read, DateTimeOffset.UtcNow.AddMinutes(5))
        {
            ContentType = "application/octet-stream",
            ContentDisposition = "attachment; filename=\"download.bin\"",
            Protocol = SasProtocol.HttpsAndHttp,
        };

        using HttpResponseMessage response = await s_http.GetAsync(blob.GenerateSasUri(builder), Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
    }

    [Fact]
    public async Task GenerateSasUri_WritePermissionOnly_ReadIsForbidden()
    {
        BlobClient blob = Container.GetBlobClient("write-only.txt");
        await blob.UploadAsync(BinaryData.FromString("secret"), Cancellation);

        using HttpResponseMessage response = await s_http.GetAsync(blob.GenerateSasUri(BlobSasPermissions.Write, DateTimeOffset.UtcNow.AddMinutes(5)), Cancellation);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task GenerateSasUri_TamperedPermissions_SignatureIsRejected()
    {
        BlobClient blob = Container.GetBlobClient("tamper.txt");
        await blob.UploadAsync(BinaryData.FromString("x"), Cancellation);
        Uri sasUri = blob.GenerateSasUri(BlobSasPermissions.Read, DateTimeOffset.UtcNow.AddMinutes(5));

        using HttpResponseMessage response = await s_http.GetAsync(sasUri.AbsoluteUri.Replace("sp=r", "sp=rw", StringComparison.Ordinal), Cancellation);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public void GenerateSasUri_BuilderForAnotherBlob_ThrowsArgumentException()
    {
        BlobClient blob = Container.GetBlobClient("mine.txt");
        var builder = new BlobSasBuilder(BlobSasPermissions.Read, DateTimeOffset.UtcNow.AddMinutes(5)) { BlobName = "theirs.txt" };

        Assert.Throws<ArgumentException>(() => blob.GenerateSasUri(builder));
    }

    [Fact]
    public void GenerateSasUri_ClientWithTokenCredential_CannotSign()
    {
        var blob = new BlobClient(new Uri("https://account.blob.core.windows.net/container/blob.txt"), new FixedTokenCredential());

        Assert.False(blob.CanGenerateSasUri);
        Assert.Equal(("account", "container", "blob.txt"), (blob.AccountName, blob.BlobContainerName, blob.Name));
        Assert.Throws<InvalidOperationException>(() => blob.GenerateSasUri(BlobSasPermissions.Read, DateTimeOffset.UtcNow.AddMinutes(5)));
    }

    [Fact]
    public void Constructor_TokenCredentialOverHttp_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => new BlobServiceClient(Azurite.BlobEndpoint, new FixedTokenCredential()));
    }

    private sealed class FixedTokenCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new("token", DateTimeOffset.MaxValue);

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
