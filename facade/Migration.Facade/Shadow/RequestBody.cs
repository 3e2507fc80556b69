using System.Buffers;
using Microsoft.AspNetCore.Http.Features;

namespace Migration.Facade.Shadow;

/// <summary>Reads a request body up to a cap so it can be forwarded to the monolith and mirrored too.</summary>
internal static class RequestBody
{
    /// <summary>
    /// The body (empty when there is none), or null when it is larger than <paramref name="limit"/>. Never more than
    /// <paramref name="limit"/> + 1 bytes are held: a longer body (chunked, so of unknown length) goes on to the monolith
    /// as the bytes already read followed by the rest, straight from the client.
    /// </summary>
    public static async Task<byte[]?> TryBufferAsync(HttpRequest request, int limit, CancellationToken ct)
    {
        // The server knows whether a body follows (Content-Length, chunked, or an HTTP/2 stream without either);
        // a GET costs nothing here.
        var canHaveBody = request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody
            ?? (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0);
        if (!canHaveBody || request.ContentLength is 0)
        {
            return [];
        }
        if (request.ContentLength > limit)
        {
            return null;
        }
        using var copy = new MemoryStream();
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while (copy.Length <= limit && (read = await request.Body.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, limit + 1 - copy.Length)), ct)) > 0)
            {
                copy.Write(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        var bytes = copy.ToArray();
        request.Body = bytes.Length > limit ? new PrefixedStream(bytes, request.Body) : new MemoryStream(bytes, writable: false);
        return bytes.Length > limit ? null : bytes;
    }

    /// <summary>The bytes already read, then the rest of the original body: nothing more is held.</summary>
    private sealed class PrefixedStream(byte[] prefix, Stream rest) : Stream
    {
        private int _position;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_position < prefix.Length)
            {
                var n = Math.Min(buffer.Length, prefix.Length - _position);
                prefix.AsMemory(_position, n).CopyTo(buffer);
                _position += n;
                return n;
            }
            return await rest.ReadAsync(buffer, cancellationToken);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, default).GetAwaiter().GetResult();

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
