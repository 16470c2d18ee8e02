using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Azure.Data.Tables;

/// <summary>
/// Signs each request with SharedKeyLite as the Table service defines it:
/// <c>StringToSign = x-ms-date + "\n" + "/" + account + encoded URI path</c>.
/// Added per retry, so that every attempt carries a fresh date.
/// </summary>
/// <remarks>
/// The canonicalized resource would also carry a <c>comp</c> query parameter, but only the service-properties
/// and ACL operations use one, and this stand-in does not implement them.
/// </remarks>
internal sealed class TableSharedKeyPolicy(TableSharedKeyCredential credential) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        string date = DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture);
        message.Request.Headers.SetValue("x-ms-date", date);

        string stringToSign = date + "\n/" + credential.AccountName + message.Request.Uri.ToUri().AbsolutePath;
        string signature = credential.ComputeHmacSha256(stringToSign);
        message.Request.Headers.SetValue(HttpHeader.Names.Authorization, $"SharedKeyLite {credential.AccountName}:{signature}");
    }
}
