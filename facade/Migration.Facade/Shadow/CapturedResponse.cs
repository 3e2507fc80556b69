using System.IO.Compression;

namespace Migration.Facade.Shadow;

/// <summary>One side's answer as compared: status, headers (joined values) and the decoded body.</summary>
internal sealed record CapturedResponse(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public bool IsJson => Headers.TryGetValue("Content-Type", out var type)
        && (type.Contains("/json", StringComparison.OrdinalIgnoreCase) || type.Contains("+json", StringComparison.OrdinalIgnoreCase));

    /// <summary>The answer with its body decoded; throws <see cref="BodyTooLargeException"/> past <paramref name="limit"/> bytes.</summary>
    public static CapturedResponse Create(
        int status, IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers, byte[] body, int limit)
    {
        var joined = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in headers)
        {
            joined[name] = joined.TryGetValue(name, out var existing) ? existing + ", " + string.Join(", ", values) : string.Join(", ", values);
        }
        // Each side may compress on its own terms; what is compared is the content, capped so a small
        // compressed answer cannot blow up in the comparer's memory.
        if (joined.TryGetValue("Content-Encoding", out var encoding) && Decoder(encoding.Trim(), body) is { } decoder)
        {
            using (decoder)
            {
                body = ReadAtMost(decoder, limit);
            }
            joined.Remove("Content-Encoding");
        }
        return body.Length > limit ? throw new BodyTooLargeException() : new CapturedResponse(status, joined, body);
    }

    public static byte[] ReadAtMost(Stream stream, int limit)
    {
        using var copy = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            if (copy.Length + read > limit) throw new BodyTooLargeException();
            copy.Write(buffer, 0, read);
        }
        return copy.ToArray();
    }

    private static Stream? Decoder(string encoding, byte[] body) => encoding.ToLowerInvariant() switch
    {
        "gzip" => new GZipStream(new MemoryStream(body), CompressionMode.Decompress),
        "br" => new BrotliStream(new MemoryStream(body), CompressionMode.Decompress),
        "deflate" => new ZLibStream(new MemoryStream(body), CompressionMode.Decompress),
        _ => null,
    };
}

/// <summary>An answer longer than the slice's <c>MaxResponseBodyBytes</c>: it is not compared (skipped "size").</summary>
internal sealed class BodyTooLargeException() : Exception("The answer is larger than the shadow's body limit.");
