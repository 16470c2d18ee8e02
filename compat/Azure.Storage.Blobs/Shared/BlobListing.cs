using System.Globalization;
using System.Xml.Linq;
using Azure.Storage.Blobs.Models;

namespace Azure.Storage.Blobs;

/// <summary>The List Blobs operation: its include= values and its XML response (EnumerationResults).</summary>
internal static class BlobListing
{
    /// <summary>The include= values for the traits and states asked for, comma-separated; empty for none.</summary>
    public static string GetIncludeParameter(BlobTraits traits, BlobStates states)
    {
        var include = new List<string>();
        void Add(bool wanted, string value)
        {
            if (wanted)
            {
                include.Add(value);
            }
        }

        Add(traits.HasFlag(BlobTraits.CopyStatus), "copy");
        Add(traits.HasFlag(BlobTraits.Metadata), "metadata");
        Add(traits.HasFlag(BlobTraits.Tags), "tags");
        Add(traits.HasFlag(BlobTraits.ImmutabilityPolicy), "immutabilitypolicy");
        Add(traits.HasFlag(BlobTraits.LegalHold), "legalhold");
        Add(states.HasFlag(BlobStates.Snapshots), "snapshots");
        Add(states.HasFlag(BlobStates.Uncommitted), "uncommittedblobs");
        Add(states.HasFlag(BlobStates.Deleted), "deleted");
        Add(states.HasFlag(BlobStates.Version), "versions");
        Add(states.HasFlag(BlobStates.DeletedWithVersions), "deletedwithversions");
        return string.Join(',', include);
    }

    public static (List<BlobItem> Blobs, string NextMarker) Parse(BinaryData content)
    {
        var root = XDocument.Load(content.ToStream()).Root
            ?? throw new FormatException("The List Blobs response has no EnumerationResults element.");
        var blobs = root.Element("Blobs")?.Elements("Blob").Select(ParseBlob).ToList() ?? [];
        var nextMarker = root.Element("NextMarker")?.Value;
        return (blobs, string.IsNullOrEmpty(nextMarker) ? null : nextMarker);
    }

    private static BlobItem ParseBlob(XElement blob)
    {
        var properties = blob.Element("Properties");
        string Property(string name) => properties?.Element(name)?.Value is { Length: > 0 } value ? value : null;

        return new BlobItem
        {
            Name = ParseName(blob.Element("Name")),
            Deleted = blob.Element("Deleted")?.Value == "true",
            Snapshot = blob.Element("Snapshot")?.Value,
            VersionId = blob.Element("VersionId")?.Value,
            Metadata = blob.Element("Metadata")?.Elements().ToDictionary(element => element.Name.LocalName, element => element.Value, StringComparer.OrdinalIgnoreCase)
                ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase),
            Properties = new BlobItemProperties
            {
                CacheControl = Property("Cache-Control"),
                ContentDisposition = Property("Content-Disposition"),
                ContentEncoding = Property("Content-Encoding"),
                ContentHash = Property("Content-MD5") is { } hash ? Convert.FromBase64String(hash) : null,
                ContentLanguage = Property("Content-Language"),
                ContentLength = Property("Content-Length") is { } length ? long.Parse(length, CultureInfo.InvariantCulture) : null,
                ContentType = Property("Content-Type"),
                CreatedOn = Property("Creation-Time") is { } created ? StorageHeaders.ParseHttpDate(created) : null,
                ETag = Property("Etag") is { } eTag ? new ETag(eTag) : null,
                LastModified = Property("Last-Modified") is { } modified ? StorageHeaders.ParseHttpDate(modified) : null,
            },
        };
    }

    /// <summary>Names with characters XML cannot carry come percent-encoded, flagged Encoded="true".</summary>
    private static string ParseName(XElement name) =>
        (string)name?.Attribute("Encoded") == "true" ? Uri.UnescapeDataString(name.Value) : name?.Value;
}
