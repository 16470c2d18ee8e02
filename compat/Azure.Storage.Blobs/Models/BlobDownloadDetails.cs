using Azure.Core;

namespace Azure.Storage.Blobs.Models;

/// <summary>The properties and metadata that came with a blob's content on Get Blob.</summary>
public class BlobDownloadDetails
{
    public string CacheControl { get; internal init; }

    public string ContentDisposition { get; internal init; }

    public string ContentEncoding { get; internal init; }

    public byte[] ContentHash { get; internal init; }

    public string ContentLanguage { get; internal init; }

    public long ContentLength { get; internal init; }

    public string ContentType { get; internal init; }

    public DateTimeOffset CreatedOn { get; internal init; }

    public ETag ETag { get; internal init; }

    public DateTimeOffset LastModified { get; internal init; }

    public IDictionary<string, string> Metadata { get; internal init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public string VersionId { get; internal init; }

    internal static BlobDownloadDetails FromHeaders(ResponseHeaders headers) => new()
    {
        CacheControl = headers.GetValueOrDefault(BlobHeaders.CacheControl),
        ContentDisposition = headers.GetValueOrDefault(BlobHeaders.ContentDisposition),
        ContentEncoding = headers.GetValueOrDefault(BlobHeaders.ContentEncoding),
        ContentHash = headers.GetBase64(BlobHeaders.ContentMD5),
        ContentLanguage = headers.GetValueOrDefault(BlobHeaders.ContentLanguage),
        ContentLength = headers.ContentLengthLong ?? 0,
        ContentType = headers.ContentType,
        CreatedOn = headers.GetDateTimeOffset(BlobHeaders.CreationTime) ?? default,
        ETag = headers.ETag ?? default,
        LastModified = headers.GetDateTimeOffset(BlobHeaders.LastModified) ?? default,
        Metadata = headers.GetMetadata(),
        VersionId = headers.GetValueOrDefault(BlobHeaders.VersionId),
    };
}
