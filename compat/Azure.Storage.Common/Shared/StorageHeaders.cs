using System.Globalization;
using Azure.Core;

namespace Azure.Storage;

/// <summary>Header names shared by the Blob and Queue protocols, and reading/writing the ones with structure.</summary>
internal static class StorageHeaders
{
    public const string Prefix = "x-ms-";
    public const string Date = "x-ms-date";
    public const string Version = "x-ms-version";
    public const string ErrorCode = "x-ms-error-code";
    public const string MetadataPrefix = "x-ms-meta-";
    public const string Authorization = "Authorization";

    public static void AddMetadata(this RequestHeaders headers, IDictionary<string, string> metadata)
    {
        foreach (var (name, value) in metadata ?? new Dictionary<string, string>())
        {
            headers.SetValue(MetadataPrefix + name, value);
        }
    }

    /// <summary>The x-ms-meta-* headers without their prefix; names compare case-insensitively, as the service treats them.</summary>
    public static IDictionary<string, string> GetMetadata(this ResponseHeaders headers)
    {
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in headers)
        {
            if (header.Name.StartsWith(MetadataPrefix, StringComparison.OrdinalIgnoreCase))
            {
                metadata[header.Name[MetadataPrefix.Length..]] = header.Value;
            }
        }

        return metadata;
    }

    public static string GetValueOrDefault(this ResponseHeaders headers, string name) =>
        headers.TryGetValue(name, out var value) ? value : null;

    public static DateTimeOffset? GetDateTimeOffset(this ResponseHeaders headers, string name) =>
        headers.TryGetValue(name, out var value) ? ParseHttpDate(value) : null;

    public static byte[] GetBase64(this ResponseHeaders headers, string name) =>
        headers.TryGetValue(name, out var value) ? Convert.FromBase64String(value) : null;

    /// <summary>Dates in headers and XML bodies use the RFC 1123 form, e.g. "Sun, 06 Nov 1994 08:49:37 GMT".</summary>
    public static DateTimeOffset ParseHttpDate(string value) =>
        DateTimeOffset.ParseExact(value, "R", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public static string FormatHttpDate(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("R", CultureInfo.InvariantCulture);
}
