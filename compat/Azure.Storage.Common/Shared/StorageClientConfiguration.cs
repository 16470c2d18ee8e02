using Azure.Core;
using Azure.Core.Pipeline;

namespace Azure.Storage;

/// <summary>What every request of a client (and of the clients it hands out) shares.</summary>
internal sealed class StorageClientConfiguration
{
    /// <summary>The audience of Microsoft Entra tokens for every storage account.</summary>
    public const string StorageScope = "https://storage.azure.com/.default";

    private StorageClientConfiguration(
        ClientOptions options, Enum serviceVersion, string accountName, HttpPipelinePolicy authentication, StorageSharedKeyCredential sharedKeyCredential)
    {
        ArgumentNullException.ThrowIfNull(options);
        var pipelineOptions = new HttpPipelineOptions(options) { RequestFailedDetailsParser = StorageRequestFailedDetailsParser.Instance };
        if (authentication is not null)
        {
            // Per retry, so that each attempt is authorized afresh (a new date to sign, a token that may have been renewed).
            pipelineOptions.PerRetryPolicies.Add(authentication);
        }

        Pipeline = HttpPipelineBuilder.Build(pipelineOptions);
        // ServiceVersion members are named after the version they stand for: V2025_11_05 is "2025-11-05".
        Version = serviceVersion.ToString()[1..].Replace('_', '-');
        AccountName = accountName;
        SharedKeyCredential = sharedKeyCredential;
    }

    public HttpPipeline Pipeline { get; }

    /// <summary>The x-ms-version sent with every request.</summary>
    public string Version { get; }

    /// <summary>From the shared key if there is one, otherwise from the URI the first client was given.</summary>
    public string AccountName { get; }

    /// <summary>Set when requests are signed with the account key; only then can the client sign a SAS itself.</summary>
    public StorageSharedKeyCredential SharedKeyCredential { get; }

    public static StorageClientConfiguration ForSharedKey(ClientOptions options, Enum serviceVersion, StorageSharedKeyCredential credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        return new(options, serviceVersion, credential.AccountName, new StorageSharedKeyPipelinePolicy(credential), credential);
    }

    public static StorageClientConfiguration ForToken(Uri uri, ClientOptions options, Enum serviceVersion, TokenCredential credential)
    {
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(credential);
        if (uri.Scheme != Uri.UriSchemeHttps)
        {
            // As the official clients do: a bearer token must never travel in clear text.
            throw new ArgumentException("Cannot use TokenCredential without HTTPS.", nameof(uri));
        }

        return new(options, serviceVersion, StorageUris.GetAccountName(uri), new BearerTokenAuthenticationPolicy(credential, StorageScope), null);
    }

    /// <summary>
    /// Signed with the connection string's key if it has one; otherwise its SAS (already in <paramref name="endpoint"/>)
    /// or nothing authorizes.
    /// </summary>
    public static StorageClientConfiguration ForConnectionString(
        StorageConnectionString connectionString, Uri endpoint, ClientOptions options, Enum serviceVersion) =>
        connectionString.SharedKeyCredential is { } credential
            ? ForSharedKey(options, serviceVersion, credential)
            : new(options, serviceVersion, StorageUris.GetAccountName(endpoint), null, null);

    public HttpMessage CreateMessage(RequestMethod method, Uri uri)
    {
        var message = Pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(uri);
        message.Request.Headers.SetValue(StorageHeaders.Version, Version);
        return message;
    }

    /// <summary>Sends the message and throws <see cref="RequestFailedException"/> (with the storage error code) for an error status.</summary>
    public async Task<Response> SendAsync(HttpMessage message, bool async, CancellationToken cancellationToken)
    {
        if (async)
        {
            await Pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            Pipeline.Send(message, cancellationToken);
        }

        return message.Response.IsError
            ? throw new RequestFailedException(message.Response, null, StorageRequestFailedDetailsParser.Instance)
            : message.Response;
    }
}
