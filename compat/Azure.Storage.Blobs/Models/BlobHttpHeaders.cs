namespace Azure.Storage.Blobs.Models;

/// <summary>The standard HTTP properties stored with a blob and returned when it is read.</summary>
public class BlobHttpHeaders
{
    public string CacheControl { get; set; }

    public string ContentDisposition { get; set; }

    public string ContentEncoding { get; set; }

    public byte[] ContentHash { get; set; }

    public string ContentLanguage { get; set; }

    public string ContentType { get; set; }
}
