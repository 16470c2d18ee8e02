using Azure.Storage.Blobs;
using HealthItFunctions.Core.Images;
using HealthItFunctions.Infrastructure.Http;
using HealthItFunctions.Infrastructure.Images;
using HealthItFunctions.Infrastructure.Tests.Http;
using HealthItFunctions.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using SkiaSharp;

namespace HealthItFunctions.Infrastructure.Tests.Images;

/// <summary>
/// Body pictures through the real parts: a Kestrel site on loopback serving good and hostile pictures, the guarded
/// fetcher, SkiaSharp and Blob Storage on Azurite. Nothing a page serves fails the article; each skip says why.
/// </summary>
public sealed class ArticleImageCollectorTests(AzuriteFixture azurite)
{
    private const int ThirtyMegabytes = 30 * 1024 * 1024;

    [Fact]
    public async Task CollectAsync_GoodAndHostilePictures_StoresTheGoodAndSkipsEachOtherWithANote()
    {
        var wide = TestPictures.Encode(2400, 1200, SKEncodedImageFormat.Jpeg);
        var webp = TestPictures.Encode(300, 200, SKEncodedImageFormat.Webp);
        await using var site = await LoopbackSite.StartAsync(app =>
        {
            app.MapGet("/wide.jpg", () => Results.Bytes(wide, "image/jpeg"));
            app.MapGet("/shot.webp", () => Results.Bytes(webp, "image/webp"));
            app.MapGet("/corrupt.jpg", () => Results.Bytes(TestPictures.Garbage(), "image/jpeg"));
            app.MapGet("/cut.jpg", () => Results.Bytes(TestPictures.Truncated(), "image/jpeg"));
            app.MapGet("/bomb.png", () => Results.Bytes(TestPictures.Bomb(50_000), "image/png"));
            app.MapGet("/script.svg", () => Results.Text(TestPictures.SvgWithScript, "image/svg+xml"));
            app.MapGet("/page.jpg", () => Results.Content("<html><body>not a picture</body></html>", "text/html"));
            // Streamed without a Content-Length, so the cap must stop it while it arrives.
            app.MapGet("/huge.png", async (HttpContext context) =>
            {
                context.Response.ContentType = "image/png";
                var chunk = new byte[64 * 1024];
                for (var sent = 0; sent < ThirtyMegabytes && !context.RequestAborted.IsCancellationRequested; sent += chunk.Length)
                {
                    await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                }
            });
        });
        await using var host = FetcherHost.Create();
        var blobs = new BlobServiceClient(azurite.ConnectionString);
        var store = new BlobArticleImageStore(blobs);
        var collector = new ArticleImageCollector(host.Fetcher, new SkiaImageTranscoder(), store, NullLogger<ArticleImageCollector>.Instance);
        var articleId = azurite.UniqueName("article");
        string[] paths = ["/wide.jpg", "/shot.webp", "/corrupt.jpg", "/cut.jpg", "/bomb.png", "/huge.png", "/script.svg", "/page.jpg"];

        var stored = await collector.CollectAsync(articleId, paths.Select((p, i) => new BodyImage(i, site.Url(p).ToString(), Caption: $"图{i}")).ToList(), TestContext.Current.CancellationToken);

        Assert.Equal(paths.Length, stored.Count);
        Assert.Equal(Enumerable.Range(0, paths.Length), stored.Select(s => s.Index));
        var (scaled, transcoded) = (stored[0], stored[1]);
        Assert.True(scaled.IsAvailable, scaled.Note);
        Assert.Equal((ImageLimits.PageWidthPixels, 480), (scaled.Width, scaled.Height));
        Assert.Equal("image/jpeg", scaled.ContentType);
        Assert.Contains("scaled from 2400×1200", scaled.Note);
        Assert.True(transcoded.IsAvailable, transcoded.Note);
        Assert.Contains("webp →", transcoded.Note);
        var bytes = await store.GetAsync(transcoded.BlobName!, TestContext.Current.CancellationToken);
        using (var decoded = SKBitmap.Decode(bytes))
        {
            Assert.Equal((300, 200), (decoded.Width, decoded.Height));
        }

        Assert.Contains("corrupt", stored[2].Note);
        Assert.Contains("does not decode", stored[3].Note);
        Assert.Contains("50000×50000", stored[4].Note);
        Assert.Contains("decompression bomb", stored[4].Note);
        Assert.Contains($"larger than {ImageLimits.MaxBytes} bytes", stored[5].Note);
        Assert.Contains("SVG with script", stored[6].Note);
        Assert.Contains("text/html is not a picture", stored[7].Note);
        Assert.All(stored.Skip(2), s => Assert.False(s.IsAvailable));
        Assert.All(stored, s => Assert.Equal($"图{s.Index}", s.Caption));
    }

    [Fact]
    public async Task CollectAsync_Redelivered_WritesTheSameBlobNamesAndNoNewBlobs()
    {
        var png = TestPictures.Encode(200, 100, SKEncodedImageFormat.Png);
        await using var site = await LoopbackSite.StartAsync(app => app.MapGet("/a.png", () => Results.Bytes(png, "image/png")));
        await using var host = FetcherHost.Create();
        var blobs = new BlobServiceClient(azurite.ConnectionString);
        var collector = new ArticleImageCollector(host.Fetcher, new SkiaImageTranscoder(), new BlobArticleImageStore(blobs), NullLogger<ArticleImageCollector>.Instance);
        var articleId = azurite.UniqueName("article");
        BodyImage[] images = [new(0, site.Url("/a.png").ToString())];

        var first = await collector.CollectAsync(articleId, images, TestContext.Current.CancellationToken);
        var second = await collector.CollectAsync(articleId, images, TestContext.Current.CancellationToken);

        Assert.Equal(first.Select(i => i.BlobName), second.Select(i => i.BlobName));
        var container = blobs.GetBlobContainerClient(Infrastructure.Storage.StorageNames.ArticleImagesContainer);
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, articleId + "/", TestContext.Current.CancellationToken))
        {
            names.Add(blob.Name);
        }

        Assert.Equal([first[0].BlobName!], names);
        // Kept byte for byte: a PNG that fits the page needs no re-encoding.
        Assert.Equal(png, await new BlobArticleImageStore(blobs).GetAsync(first[0].BlobName!, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task CollectAsync_MoreThanTheCap_FetchesTheFirstTwelveAndNotesTheRest()
    {
        var png = TestPictures.Encode(100, 100, SKEncodedImageFormat.Png);
        await using var site = await LoopbackSite.StartAsync(app => app.MapGet("/{n}.png", () => Results.Bytes(png, "image/png")));
        await using var host = FetcherHost.Create();
        var collector = new ArticleImageCollector(host.Fetcher, new SkiaImageTranscoder(), new BlobArticleImageStore(new BlobServiceClient(azurite.ConnectionString)),
            NullLogger<ArticleImageCollector>.Instance);

        var stored = await collector.CollectAsync(azurite.UniqueName("article"),
            Enumerable.Range(0, 15).Select(i => new BodyImage(i, site.Url($"/{i}.png").ToString())).ToList(), TestContext.Current.CancellationToken);

        Assert.Equal(ImageLimits.MaxPerArticle, stored.Count(s => s.IsAvailable));
        Assert.All(stored.Skip(ImageLimits.MaxPerArticle), s => Assert.Contains("over the cap of 12", s.Note));
        Assert.Equal(ImageLimits.MaxPerArticle, site.Requests.Count(r => r.Path.EndsWith(".png", StringComparison.Ordinal)));
    }
}
