using System.Collections.Frozen;

namespace Migration.Facade.Shadow;

/// <summary>
/// The headers a mirrored request carries: the user's own, minus hop-by-hop ones, plus the forwarded host and
/// scheme YARP would add (links the service writes must name the facade, as in the real answer) and the shadow mark.
/// The user's identity reaches the service as it would on the extracted side: the facade's token, never the client's.
/// </summary>
internal static class MirrorHeaders
{
    public const string ShadowHeader = Migration.ServiceDefaults.Shadow.ShadowMarks.Header;

    private static readonly FrozenSet<string> Dropped = FrozenSet.ToFrozenSet(
        ["Host", "Connection", "Keep-Alive", "Transfer-Encoding", "TE", "Trailer", "Upgrade", "Proxy-Connection",
         "Proxy-Authorization", "Authorization", "Content-Length", "Expect", "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto"],
        StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyList<KeyValuePair<string, string[]>> From(HttpContext context, string? authorization, bool originalHost)
    {
        var headers = new List<KeyValuePair<string, string[]>>(context.Request.Headers.Count + 4);
        foreach (var (name, values) in context.Request.Headers)
        {
            if (!Dropped.Contains(name)) headers.Add(new(name, values.ToArray()!));
        }
        headers.Add(new("X-Forwarded-Host", [context.Request.Host.Value ?? ""]));
        headers.Add(new("X-Forwarded-Proto", [context.Request.Scheme]));
        if (context.Connection.RemoteIpAddress is { } client) headers.Add(new("X-Forwarded-For", [client.ToString()]));
        if (authorization is not null) headers.Add(new("Authorization", [authorization]));
        // As the real request to that cluster would be sent: a service that builds links from Host writes the same ones.
        if (originalHost) headers.Add(new("Host", [context.Request.Host.Value ?? ""]));
        return headers;
    }
}
