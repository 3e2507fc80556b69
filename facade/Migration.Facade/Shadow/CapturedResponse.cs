using System.IO.Compression;

namespace Migration.Facade.Shadow;

/// <summary>One side's answer as compared: status, headers (joined values) and the decoded body.</summary>
internal sealed record CapturedResponse(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public bool IsJson => Headers.TryGetValue("Content-Type", out var type)
        && (type.Contains("/json", StringComparison.OrdinalIgnoreCase) || type.Contains("+json", StringComparison.OrdinalIgnoreCase));

    public static CapturedResponse Create(int status, IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers, byte[] body)
    {
        var joined = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in headers)
        {
            joined[name] = joined.TryGetValue(name, out var existing) ? existing + ", " + string.Join(", ", values) : string.Join(", ", values);
        }
        // Each side may compress on its own terms; what is compared is the content.
        if (joined.TryGetValue("Content-Encoding", out var encoding) && encoding.Equals("gzip", StringComparison.OrdinalIgnoreCase))
        {
            using var gzip = new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
            using var plain = new MemoryStream();
            gzip.CopyTo(plain);
            body = plain.ToArray();
            joined.Remove("Content-Encoding");
        }
        return new CapturedResponse(status, joined, body);
    }
}
