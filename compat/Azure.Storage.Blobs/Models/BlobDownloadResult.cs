namespace Azure.Storage.Blobs.Models;

public class BlobDownloadResult
{
    internal BlobDownloadResult(BinaryData content, BlobDownloadDetails details)
    {
        Content = content;
        Details = details;
    }

    public BinaryData Content { get; }

    public BlobDownloadDetails Details { get; }
}
