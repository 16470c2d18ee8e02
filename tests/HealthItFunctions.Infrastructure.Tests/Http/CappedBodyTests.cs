using HealthItFunctions.Infrastructure.Http;

namespace HealthItFunctions.Infrastructure.Tests.Http;

public sealed class CappedBodyTests
{
    [Fact]
    public async Task ReadAsync_EndlessBody_StopsWithinOneChunkOfTheCap()
    {
        const long cap = 1_000_000;
        var source = new EndlessStream();

        var body = await CappedBody.ReadAsync(new StreamContent(source), cap, TestContext.Current.CancellationToken);

        Assert.Null(body);
        Assert.InRange(source.BytesRead, cap, cap + (64 * 1024));
    }

    [Fact]
    public async Task ReadAsync_DeclaredLengthOverCap_ReadsNothing()
    {
        var source = new EndlessStream();
        var content = new StreamContent(source);
        content.Headers.ContentLength = 10_000_000;

        var body = await CappedBody.ReadAsync(content, 1_000_000, TestContext.Current.CancellationToken);

        Assert.Null(body);
        Assert.Equal(0, source.BytesRead);
    }

    [Fact]
    public async Task ReadAsync_BodyExactlyAtCap_ReturnsIt()
    {
        var bytes = new byte[4096];
        Random.Shared.NextBytes(bytes);

        var body = await CappedBody.ReadAsync(new ByteArrayContent(bytes), bytes.Length, TestContext.Current.CancellationToken);

        Assert.Equal(bytes, body);
    }

    /// <summary>A body that never ends, counting what the reader took.</summary>
    private sealed class EndlessStream : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)'a', offset, count);
            BytesRead += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
