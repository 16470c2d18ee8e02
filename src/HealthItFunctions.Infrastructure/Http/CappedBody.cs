using System.Buffers;

namespace HealthItFunctions.Infrastructure.Http;

/// <summary>Reads a response body as a stream and stops at the cap, so a huge or endless body never sits in memory.</summary>
internal static class CappedBody
{
    /// <returns>The body, or null when it is longer than <paramref name="cap"/> bytes.</returns>
    public static async Task<byte[]?> ReadAsync(HttpContent content, long cap, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength is { } declared && declared > cap)
        {
            return null;
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > cap)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }
}
