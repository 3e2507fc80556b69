using System.Buffers;
using Microsoft.AspNetCore.Http.Features;

namespace Migration.Facade.Shadow;

/// <summary>Buffers a request body up to a cap so it can be forwarded to the monolith and mirrored too.</summary>
internal static class RequestBody
{
    /// <summary>The body (empty when there is none), or null when it is larger than <paramref name="limit"/>.</summary>
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
        request.EnableBuffering(bufferThreshold: Math.Min(limit + 1, 64 * 1024));
        using var copy = new MemoryStream();
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(buffer, ct)) > 0)
            {
                copy.Write(buffer, 0, read);
                if (copy.Length > limit) break;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        request.Body.Position = 0;
        return copy.Length > limit ? null : copy.ToArray();
    }
}
