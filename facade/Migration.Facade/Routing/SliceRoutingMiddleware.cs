using Migration.Facade.Canary;
using Migration.Facade.Contracts;
using Migration.Facade.Flags;
using Yarp.ReverseProxy;

namespace Migration.Facade.Routing;

/// <summary>
/// Runs inside YARP's pipeline, before load balancing: a route that belongs to a slice is moved to the
/// slice's cluster when its flag says so, and the decision is published as an immutable <see cref="SliceRoute"/>
/// feature. Everything else passes through untouched.
/// </summary>
internal sealed class SliceRoutingMiddleware(
    IProxyStateLookup proxyState, SliceSnapshotHolder snapshots, CanaryIdentity identity, SideOverrides overrides)
{
    public Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var snapshot = snapshots.Current;
        // While any canary runs, every proxied answer may carry the visitor cookie (CanaryIdentity): a page then has it
        // before its own API calls to the canary's routes start, so they all share one id.
        var user = snapshot.AnyCanary ? identity.Resolve(context) : null;
        var proxy = context.GetReverseProxyFeature();
        if (proxy.Route.Config.Metadata is { } metadata && metadata.TryGetValue(SliceCatalog.SliceKey, out var slice))
        {
            var state = snapshot.States.GetValueOrDefault(slice);
            var extractedCluster = metadata.TryGetValue(SliceCatalog.SliceClusterKey, out var id) && !string.IsNullOrEmpty(id)
                && proxyState.TryGetCluster(id, out var c) ? c : null;
            var extracted = Forced(context, slice) is { } side ? side == Sides.Extracted : SliceDecision.GoesToExtracted(state, user);
            var cluster = SliceDecision.PickCluster(extracted, extractedCluster);
            if (cluster is not null)
            {
                context.ReassignProxyRequest(cluster);
            }
            // Published once; a chosen cluster without an available destination (circuit open) leaves the monolith to answer.
            context.Features.Set(new SliceRoute(slice, state?.State ?? SliceStates.Legacy, cluster is null ? Sides.Legacy : Sides.Extracted,
                ExtractedUnavailable: extracted && cluster is null, proxy.Route.Cluster!, extractedCluster));
        }
        // The override value is for the facade alone; the backends' logs have no use for a tester's pass.
        context.Request.Headers.Remove(SideOverrideDto.HeaderName);
        return next(context);
    }

    private string? Forced(HttpContext context, string slice) =>
        context.Request.Headers.TryGetValue(SideOverrideDto.HeaderName, out var value) && value.Count == 1
            ? overrides.SideFor(slice, value[0]!)
            : null;
}
