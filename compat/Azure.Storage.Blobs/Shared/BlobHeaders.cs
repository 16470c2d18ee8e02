using Azure.Core;
using Azure.Storage.Blobs.Models;

namespace Azure.Storage.Blobs;

/// <summary>Blob-service headers: the blob's properties on the wire, and preconditions.</summary>
internal static class BlobHeaders
{
    public const string BlobType = "x-ms-blob-type";
    public const string BlobCacheControl = "x-ms-blob-cache-control";
    public const string BlobContentDisposition = "x-ms-blob-content-disposition";
    public const string BlobContentEncoding = "x-ms-blob-content-encoding";
    public const string BlobContentLanguage = "x-ms-blob-content-language";
    public const string BlobContentMD5 = "x-ms-blob-content-md5";
    public const string BlobContentType = "x-ms-blob-content-type";
    public const string BlobPublicAccess = "x-ms-blob-public-access";
    public const string DefaultEncryptionScope = "x-ms-default-encryption-scope";
    public const string DenyEncryptionScopeOverride = "x-ms-deny-encryption-scope-override";
    public const string CreationTime = "x-ms-creation-time";
    public const string VersionId = "x-ms-version-id";
    public const string LeaseId = "x-ms-lease-id";
    public const string IfTags = "x-ms-if-tags";
    public const string CacheControl = "Cache-Control";
    public const string ContentDisposition = "Content-Disposition";
    public const string ContentEncoding = "Content-Encoding";
    public const string ContentLanguage = "Content-Language";
    public const string ContentMD5 = "Content-MD5";
    public const string LastModified = "Last-Modified";

    /// <summary>Properties the service stores with the blob on Put Blob (x-ms-blob-*), as opposed to the request's own headers.</summary>
    public static void AddBlobHttpHeaders(this RequestHeaders headers, BlobHttpHeaders httpHeaders)
    {
        if (httpHeaders is null)
        {
            return;
        }

        SetIfPresent(headers, BlobCacheControl, httpHeaders.CacheControl);
        SetIfPresent(headers, BlobContentDisposition, httpHeaders.ContentDisposition);
        SetIfPresent(headers, BlobContentEncoding, httpHeaders.ContentEncoding);
        SetIfPresent(headers, BlobContentLanguage, httpHeaders.ContentLanguage);
        SetIfPresent(headers, BlobContentType, httpHeaders.ContentType);
        if (httpHeaders.ContentHash is { } hash)
        {
            headers.SetValue(BlobContentMD5, Convert.ToBase64String(hash));
        }
    }

    public static void AddConditions(this RequestHeaders headers, BlobRequestConditions conditions)
    {
        if (conditions is null)
        {
            return;
        }

        if (conditions.IfMatch is { } ifMatch)
        {
            headers.SetValue("If-Match", ifMatch.ToString("H"));
        }

        if (conditions.IfNoneMatch is { } ifNoneMatch)
        {
            headers.SetValue("If-None-Match", ifNoneMatch.ToString("H"));
        }

        if (conditions.IfModifiedSince is { } ifModifiedSince)
        {
            headers.SetValue("If-Modified-Since", StorageHeaders.FormatHttpDate(ifModifiedSince));
        }

        if (conditions.IfUnmodifiedSince is { } ifUnmodifiedSince)
        {
            headers.SetValue("If-Unmodified-Since", StorageHeaders.FormatHttpDate(ifUnmodifiedSince));
        }

        SetIfPresent(headers, LeaseId, conditions.LeaseId);
        SetIfPresent(headers, IfTags, conditions.TagConditions);
    }

    private static void SetIfPresent(RequestHeaders headers, string name, string value)
    {
        if (value is not null)
        {
            headers.SetValue(name, value);
        }
    }
}
