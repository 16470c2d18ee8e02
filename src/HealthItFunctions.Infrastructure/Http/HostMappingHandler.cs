using Microsoft.Extensions.Options;

namespace HealthItFunctions.Infrastructure.Http;

/// <summary>
/// For hosts in <see cref="PollingOptions.HostMap"/> the replay server speaks plain HTTP, so https URLs go out as http;
/// the connection itself is redirected to the mapped endpoint by <see cref="SsrfGuard"/>. The Host header keeps the real name.
/// </summary>
internal sealed class HostMappingHandler(IOptions<PollingOptions> options) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var original = request.RequestUri;
        if (original is null || original.Scheme != Uri.UriSchemeHttps || !options.Value.HostMap.ContainsKey(original.IdnHost))
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        request.RequestUri = new UriBuilder(original) { Scheme = Uri.UriSchemeHttp, Port = original.IsDefaultPort ? 80 : original.Port }.Uri;
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Retries re-send this message; they must see the URL the caller asked for.
            request.RequestUri = original;
        }
    }
}
