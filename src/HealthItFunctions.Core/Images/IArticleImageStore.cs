namespace HealthItFunctions.Core.Images;

/// <summary>Where prepared body pictures live, under their article (Blob Storage in the app).</summary>
public interface IArticleImageStore
{
    /// <summary>
    /// Writes a picture once: the name depends only on the article and the picture's index and bytes, so a redelivered
    /// message finds it written and costs one request, not a second copy.
    /// </summary>
    Task PutAsync(string blobName, byte[] content, string contentType, CancellationToken cancellationToken);

    /// <summary>The picture's bytes, or null when the blob is gone.</summary>
    Task<byte[]?> GetAsync(string blobName, CancellationToken cancellationToken);
}
