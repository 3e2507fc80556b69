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

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DestinationModel, Prefixes> Known = new();

    /// <summary>
    /// The internal prefixes a backend behind <paramref name="destination"/> may write, longest first: its address with
    /// its path (that path maps to the public root, as nginx's default <c>proxy_redirect</c> does), its authority, the
    /// host it is sent, and the public host over the internal scheme when users call another one.
    /// </summary>
    public static IEnumerable<string> InternalPrefixes(DestinationModel destination, string publicScheme, string publicHost)
    {
        var known = Known.GetValue(destination, Build);
        foreach (var prefix in known.Fixed) yield return prefix;
        if (known.Scheme is { } scheme && !string.Equals(scheme, publicScheme, StringComparison.OrdinalIgnoreCase)) yield return $"{scheme}://{publicHost}";
    }

    // Worked out once per destination model (a configuration reload makes new ones).
    private static Prefixes Build(DestinationModel destination)
    {
        if (!Uri.TryCreate(destination.Config.Address, UriKind.Absolute, out var address)) return new([], null);
        var authority = $"{address.Scheme}://{address.Authority}";
        var path = address.AbsolutePath.TrimEnd('/');
        var prefixes = new List<string>();
        if (path.Length > 0) prefixes.Add(authority + path);
        prefixes.Add(authority);
        if (!string.IsNullOrEmpty(destination.Config.Host)) prefixes.Add($"{address.Scheme}://{destination.Config.Host}");
        return new([.. prefixes], address.Scheme);
    }

    private sealed record Prefixes(string[] Fixed, string? Scheme);

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
