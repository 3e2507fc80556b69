using Microsoft.Extensions.Primitives;
using Yarp.ReverseProxy.Model;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Migration.Facade.Transparency;

/// <summary>
/// What makes the facade invisible to a monolith that knows nothing of it: the original <c>Host</c> goes to the backend
/// (cluster metadata <c>OriginalHost: false</c> turns that off), and absolute URLs in the answer that name a destination
/// are rewritten to the address the user called.
/// </summary>
internal static class TransparencyTransforms
{
    public const string OriginalHostKey = "OriginalHost";

    /// <summary>Whether the cluster's backends are sent the user's <c>Host</c> (the default) rather than the destination's.</summary>
    public static bool KeepsOriginalHost(Yarp.ReverseProxy.Configuration.ClusterConfig? cluster) =>
        cluster?.Metadata?.TryGetValue(OriginalHostKey, out var value) != true
        || !string.Equals(value, "false", StringComparison.OrdinalIgnoreCase);

    public static void AddTransparency(this TransformBuilderContext transforms)
    {
        if (KeepsOriginalHost(transforms.Cluster))
        {
            transforms.AddOriginalHost(useOriginal: true);
        }
        transforms.AddResponseTransform(RewriteUrls);
    }

    // Most answers carry none of these headers: four lookups, and nothing allocated.
    private static ValueTask RewriteUrls(ResponseTransformContext context)
    {
        var response = context.HttpContext.Response.Headers;
        foreach (var name in AbsoluteUrls.Headers)
        {
            if (response.TryGetValue(name, out var values) && context.HttpContext.Features.Get<IReverseProxyFeature>()?.ProxiedDestination is { } destination)
            {
                response[name] = Rewrite(values, destination.Model, context.HttpContext.Request);
            }
        }
        return default;
    }

    private static StringValues Rewrite(StringValues values, DestinationModel destination, HttpRequest request)
    {
        var publicBase = $"{request.Scheme}://{request.Host}{request.PathBase}";
        var rewritten = new string?[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i] ?? "";
            foreach (var prefix in AbsoluteUrls.InternalPrefixes(destination, request.Scheme, request.Host.Value ?? ""))
            {
                value = AbsoluteUrls.Rewrite(value, prefix, publicBase);
            }
            rewritten[i] = value;
        }
        return new StringValues(rewritten);
    }
}
