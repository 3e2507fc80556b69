using System.Security.Claims;
using Microsoft.FeatureManagement.FeatureFilters;
using Migration.Facade.Flags;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Model;

namespace Migration.Facade.Routing;

/// <summary>
/// Runs inside YARP's pipeline, before load balancing: a route that belongs to a slice is moved to the
/// slice's cluster when its flag says so. Everything else passes through untouched.
/// </summary>
internal sealed class SliceRoutingMiddleware(SliceDecision decision, IProxyStateLookup proxyState)
{
    public async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        var route = context.GetReverseProxyFeature().Route.Config;
        if (route.Metadata is { } metadata && metadata.TryGetValue(SliceCatalog.SliceKey, out var slice))
        {
            var extracted = await decision.GoesToExtractedAsync(slice, TargetingFor(context), context.RequestAborted);
            var cluster = SliceDecision.PickCluster(
                extracted,
                metadata.GetValueOrDefault(SliceCatalog.SliceClusterKey),
                id => proxyState.TryGetCluster(id, out var c) ? c : null);
            if (cluster is not null)
            {
                context.ReassignProxyRequest(cluster);
            }
        }
        await next();
    }

    // Canary stickiness: signed-in user, else the client address. Issue 3 adds a facade-issued cookie.
    private static TargetingContext TargetingFor(HttpContext context) => new()
    {
        UserId = context.User.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? context.Connection.RemoteIpAddress?.ToString()
            ?? "",
    };
}
