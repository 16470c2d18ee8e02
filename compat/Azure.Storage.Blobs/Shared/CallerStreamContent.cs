using Azure.Core;

namespace Azure.Storage.Blobs;

/// <summary>
/// A request body read from the caller's seekable stream, from its position at the call. The stream stays the
/// caller's: each attempt rewinds it to that position, and disposing the request leaves it open.
/// </summary>
internal sealed class CallerStreamContent : RequestContent
{
    private readonly Stream _stream;
    private readonly long _origin;

    public CallerStreamContent(Stream stream)
    {
        _stream = stream;
        _origin = stream.Position;
    }

    public override bool TryComputeLength(out long length)
    {
        length = _stream.Length - _origin;
        return true;
    }

    public override void WriteTo(Stream stream, CancellationToken cancellationToken)
    {
        _stream.Position = _origin;
        _stream.CopyTo(stream);
    }

    public override async Task WriteToAsync(Stream stream, CancellationToken cancellationToken)
    {
        _stream.Position = _origin;
        await _stream.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
    }

    public override void Dispose()
    {
    }
}
