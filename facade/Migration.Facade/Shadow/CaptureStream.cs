namespace Migration.Facade.Shadow;

/// <summary>
/// Writes through to the user's response and keeps a copy of the first <c>limit</c> bytes, so the shadow can
/// compare the monolith's answer without the user waiting for anything but the copy.
/// </summary>
internal sealed class CaptureStream(Stream inner, int limit) : Stream
{
    private readonly MemoryStream _copy = new();

    /// <summary>True when the body was longer than the limit, so the copy is incomplete.</summary>
    public bool Overflowed { get; private set; }

    public byte[] Captured => _copy.ToArray();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Keep(buffer.Span);
        await inner.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count)
    {
        Keep(buffer.AsSpan(offset, count));
        inner.Write(buffer, offset, count);
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
    public override void Flush() => inner.Flush();
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    private void Keep(ReadOnlySpan<byte> data)
    {
        if (Overflowed) return;
        if (_copy.Length + data.Length > limit)
        {
            Overflowed = true;
            return;
        }
        _copy.Write(data);
    }
}
