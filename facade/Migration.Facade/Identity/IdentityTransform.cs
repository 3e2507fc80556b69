using Migration.Facade.Canary;
using Migration.Facade.Contracts;
using Migration.Facade.Fallback;
using Migration.Facade.Routing;
using Yarp.ReverseProxy.Transforms;

namespace Migration.Facade.Identity;

/// <summary>
/// A request that goes to an extracted service carries the facade's own token for the signed-in user instead of any
/// <c>Authorization</c> the client sent; the monolith keeps reading its own cookie, as before the migration. Added to
/// the routes only when a signing key is configured.
/// </summary>
internal sealed class IdentityTransform(UserCookieReader users, ServiceTokens tokens)
{
    private const string Authorization = "Authorization";

    public ValueTask ApplyAsync(RequestTransformContext context)
    {
        // The side being sent to now: a fallback's second request goes to the monolith, which keeps its own cookie.
        if (context.HttpContext.Features.Get<SliceRoute>() is { ExtractedCluster: { } cluster } route
            && FallbackOutcome.SideSentTo(context.HttpContext, route) == Sides.Extracted)
        {
            RequestTransform.RemoveHeader(context, Authorization);
            if (HeaderFor(context.HttpContext, cluster.ClusterId) is { } header)
            {
                context.ProxyRequest.Headers.TryAddWithoutValidation(Authorization, header);
            }
        }
        return default;
    }

    /// <summary>The token header for the request's signed-in user calling <paramref name="clusterId"/> (shadow copies too); null when anonymous.</summary>
    public string? HeaderFor(HttpContext context, string clusterId) =>
        users.User(context) is { } user ? tokens.HeaderFor(user, clusterId) : null;
}

/// <summary>
/// The first stage of the proxy pipeline: identity-looking headers a client sent are removed from the request itself,
/// so neither the forwarded request, nor a fallback's second one, nor a shadow copy carries them.
/// </summary>
internal sealed class ClientIdentityStripping(Microsoft.Extensions.Options.IOptions<IdentityOptions> options)
{
    /// <summary>
    /// Headers only the facade may set, whatever the configuration: the shadow mark (a service may skip side effects for
    /// it), and client-address headers no proxy in front of the facade vouches for.
    /// </summary>
    public static readonly string[] Internal =
    [
        Shadow.MirrorHeaders.ShadowHeader, "X-Real-IP", "X-Client-IP", "True-Client-IP", "X-Cluster-Client-IP",
        // Other ways to name the host or URL a request was for, which a monolith's framework may honour.
        "Forwarded", "X-Forwarded-Server", "X-Host", "X-Original-URL", "X-Rewrite-URL",
        // What the forwarded-headers middleware leaves behind when a trusted proxy's X-Forwarded-* were applied.
        .. Hosting.TrustedProxyHeaders.OriginalHeaders,
    ];

    private readonly string[] _stripped = [.. options.Value.StrippedHeaders, .. Internal];

    public Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var headers = context.Request.Headers;
        // Kestrel keeps headers it does not know in a dictionary that is empty for most requests: cheap to ask.
        foreach (var name in _stripped)
        {
            headers.Remove(name);
        }
        return next(context);
    }
}
