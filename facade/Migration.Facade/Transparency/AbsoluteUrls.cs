using Yarp.ReverseProxy.Model;

namespace Migration.Facade.Transparency;

/// <summary>
/// Rewrites absolute URLs that name a cluster's destination (its address, or the host the destination is sent) back to
/// the address the user called, as nginx's <c>proxy_redirect</c> does: a monolith that builds links from the
/// <c>Host</c> it receives must not reveal, or send users to, the facade's internal addresses.
/// </summary>
internal static class AbsoluteUrls
{
    /// <summary>The response headers that carry URLs a browser follows.</summary>
    public static readonly string[] Headers = ["Location", "Content-Location", "Refresh", "Link"];

    /// <summary>The internal prefixes (scheme and authority) a backend behind <paramref name="destination"/> may write.</summary>
    public static IEnumerable<string> InternalPrefixes(DestinationModel destination, string publicScheme, string publicHost)
    {
        if (!Uri.TryCreate(destination.Config.Address, UriKind.Absolute, out var address)) yield break;
        yield return $"{address.Scheme}://{address.Authority}";
        if (!string.IsNullOrEmpty(destination.Config.Host)) yield return $"{address.Scheme}://{destination.Config.Host}";
        // The original Host reaches the backend, but over the internal scheme: http://public-host when users call https.
        if (!string.Equals(address.Scheme, publicScheme, StringComparison.OrdinalIgnoreCase)) yield return $"{address.Scheme}://{publicHost}";
    }

    /// <summary><paramref name="value"/> with every <paramref name="prefix"/> that starts a URL replaced by <paramref name="replacement"/>.</summary>
    public static string Rewrite(string value, string prefix, string replacement)
    {
        var at = value.IndexOf(prefix, StringComparison.OrdinalIgnoreCase);
        if (at < 0) return value;
        var result = new System.Text.StringBuilder(value.Length);
        var from = 0;
        while (at >= 0)
        {
            var end = at + prefix.Length;
            // http://host:5100 must not match inside http://host:51000 or http://host.example.
            if (end == value.Length || !IsAuthorityChar(value[end]))
            {
                result.Append(value, from, at - from).Append(replacement);
                from = end;
            }
            at = value.IndexOf(prefix, end, StringComparison.OrdinalIgnoreCase);
        }
        return result.Append(value, from, value.Length - from).ToString();
    }

    private static bool IsAuthorityChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or ':' or '_' or '@';
}
