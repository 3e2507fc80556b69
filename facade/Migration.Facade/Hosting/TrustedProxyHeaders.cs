using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace Migration.Facade.Hosting;

/// <summary>
/// A load balancer in front of the facade (<c>Facade:TrustedProxies</c>): only requests arriving from those addresses or
/// networks have their <c>X-Forwarded-For/Proto/Host</c> believed (ASP.NET Core's forwarded headers, no loopback trusted
/// by default). The client address, scheme and host they vouch for become the request's own, so the monolith is told the
/// real client and the links it writes name the address users called; from anyone else the headers are replaced by
/// what the facade itself saw, as before.
/// </summary>
internal static class TrustedProxyHeaders
{
    // Written by the forwarded-headers middleware for the app's own use: never sent on to a backend.
    public static readonly string[] OriginalHeaders = ["X-Original-For", "X-Original-Proto", "X-Original-Host"];

    /// <summary>Each entry an address (<c>10.0.0.5</c>) or a network (<c>10.0.0.0/8</c>); null when one does not parse.</summary>
    public static IReadOnlyList<IPNetwork>? Parse(IEnumerable<string> entries)
    {
        var networks = new List<IPNetwork>();
        foreach (var entry in entries)
        {
            if (IPNetwork.TryParse(entry, out var network)) networks.Add(network);
            else if (IPAddress.TryParse(entry, out var address)) networks.Add(new IPNetwork(address, address.GetAddressBytes().Length * 8));
            else return null;
        }
        return networks;
    }

    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<FacadeEndpointOptions>>().Value;
        if (options.TrustedProxies.Count == 0) return app;
        var forwarded = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost,
            // Every trusted hop is unwrapped; the first address outside the list is the client.
            ForwardLimit = null,
        };
        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
        foreach (var network in Parse(options.TrustedProxies)!) forwarded.KnownIPNetworks.Add(network);
        // The data plane's only: the control plane is reached by its own address, never through the public balancers.
        app.UseForwardedHeaders(forwarded);
        return app;
    }
}
