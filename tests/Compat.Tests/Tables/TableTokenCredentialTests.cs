using System.Net;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;

namespace Compat.Tests.Tables;

/// <summary>
/// Entra ID authorization, checked on the wire: bearer tokens need HTTPS, which the test Azurite does not serve,
/// so the requests go to an in-process handler that records them.
/// </summary>
public sealed class TableTokenCredentialTests
{
    private static readonly Uri Endpoint = new("https://healthit.table.core.windows.net");

    [Fact]
    public async Task TableClient_TokenCredential_SendsBearerTokenForStorageScope()
    {
        var credential = new FixedTokenCredential("token-123");
        var handler = new RecordingHandler(HttpStatusCode.NoContent);
        var table = new TableClient(Endpoint, "things", credential, OptionsFor(handler));

        await table.DeleteEntityAsync("p", "r", cancellationToken: TestContext.Current.CancellationToken);

        HttpRequestMessage request = Assert.Single(handler.Requests);
        Assert.Equal(["https://storage.azure.com/.default"], credential.RequestedScopes.Distinct());
        Assert.Equal("Bearer token-123", request.Headers.Authorization?.ToString());
        Assert.Equal(HttpMethod.Delete, request.Method);
        Assert.Equal("/things(PartitionKey='p',RowKey='r')", request.RequestUri!.AbsolutePath);
        Assert.Equal("*", Assert.Single(request.Headers.GetValues("If-Match")));
        Assert.Equal("healthit", table.AccountName);
    }

    [Fact]
    public async Task TableServiceClient_TokenCredential_SendsBearerToken()
    {
        var credential = new FixedTokenCredential("token-456");
        var handler = new RecordingHandler(HttpStatusCode.NoContent);
        var service = new TableServiceClient(Endpoint, credential, OptionsFor(handler));

        await service.DeleteTableAsync("things", TestContext.Current.CancellationToken);

        HttpRequestMessage request = Assert.Single(handler.Requests);
        Assert.Equal("Bearer token-456", request.Headers.Authorization?.ToString());
        Assert.Equal("/Tables('things')", request.RequestUri!.AbsolutePath);
    }

    private static TableClientOptions OptionsFor(RecordingHandler handler)
    {
        var options = new TableClientOptions { Transport = new HttpClientTransport(new HttpClient(handler)) };
        options.Retry.MaxRetries = 0;
        return options;
    }

    private sealed class FixedTokenCredential(string token) : TokenCredential
    {
        public List<string> RequestedScopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            RequestedScopes.AddRange(requestContext.Scopes);
            return new AccessToken(token, DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }

    private sealed class RecordingHandler(HttpStatusCode status) : HttpMessageHandler
    {
        public List<HttpRequestMessage> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            return Task.FromResult(new HttpResponseMessage(status) { RequestMessage = request });
        }
    }
}
