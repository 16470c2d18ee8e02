using System.Net.Http.Headers;
using HealthItFunctions.Local;
using HealthItFunctions.Core.Extraction.Sources;
using HealthItFunctions.Core.Sources;
using HealthItFunctions.Testing;

namespace HealthItFunctions.Cli.Tests.Local;

/// <summary>The repository's 2021-08 replay served by a real <see cref="ReplayServer"/> on loopback, shared by a test class.</summary>
public sealed class ReplayFixture : IAsyncLifetime
{
    public static string ReplayDirectory => Path.Combine(RepositoryPaths.Root, "seeds", "replay", "2021-08");

    public ReplayServer Server { get; private set; } = null!;

    public HttpClient Client { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public static SourceCatalog Seeds() => SourceCatalogLoader.Load(Path.Combine(RepositoryPaths.Root, "seeds", "sources.json"));

    public async ValueTask InitializeAsync() => Server = await ReplayServer.StartAsync(ReplayDirectory, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }

    /// <summary>Sends <paramref name="url"/> to the replay as a host-mapping fetcher does: loopback address, real Host header.</summary>
    public Task<HttpResponseMessage> SendAsync(string url, HttpMethod? method = null, Action<HttpRequestHeaders>? headers = null)
    {
        var real = new Uri(url);
        var request = new HttpRequestMessage(method ?? HttpMethod.Get, new Uri($"http://127.0.0.1:{Server.Port}{real.PathAndQuery}"));
        request.Headers.Host = real.Host;
        headers?.Invoke(request.Headers);
        return Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public async Task<(byte[] Bytes, string? ContentType)> GetBytesAsync(string url)
    {
        using var response = await SendAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url} answered {(int)response.StatusCode}");
        return (await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken), response.Content.Headers.ContentType?.ToString());
    }
}
