using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Azure.Storage;

/// <summary>The two Shared Key authorization schemes of the Blob and Queue services.</summary>
internal enum SharedKeyScheme
{
    SharedKey,
    SharedKeyLite,
}

/// <summary>Signs every attempt of a request with the account key.</summary>
internal sealed class StorageSharedKeyPipelinePolicy : HttpPipelineSynchronousPolicy
{
    private readonly StorageSharedKeyCredential _credential;
    private readonly SharedKeyScheme _scheme;

    public StorageSharedKeyPipelinePolicy(StorageSharedKeyCredential credential, SharedKeyScheme scheme = SharedKeyScheme.SharedKey)
    {
        ArgumentNullException.ThrowIfNull(credential);
        _credential = credential;
        _scheme = scheme;
    }

    public override void OnSendingRequest(HttpMessage message)
    {
        // Installed per retry: every attempt gets a fresh date, so the service never sees a stale signature.
        message.Request.Headers.SetValue(StorageHeaders.Date, DateTimeOffset.UtcNow.ToString("R", CultureInfo.InvariantCulture));
        var stringToSign = SharedKeyStringToSign.Build(message.Request, _credential.AccountName, _scheme);
        var signature = _credential.ComputeHMACSHA256(stringToSign);
        message.Request.Headers.SetValue(StorageHeaders.Authorization, $"{_scheme} {_credential.AccountName}:{signature}");
    }
}
