using System.Security.Claims;
using Microsoft.FeatureManagement.FeatureFilters;
using Migration.Facade.Contracts;
using Migration.Facade.Flags;
using Yarp.ReverseProxy;

namespace Migration.Facade.Routing;

/// <summary>
/// Runs inside YARP's pipeline, before load balancing: a route that belongs to a slice is moved to the
/// slice's cluster when its flag says so, and the decision is recorded as a <see cref="SliceRequest"/>
/// feature. Everything else passes through untouched.
/// </summary>
internal sealed class SliceRoutingMiddleware(SliceDecision decision, IProxyStateLookup proxyState, SliceSnapshotHolder snapshots)
{
    public async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        var proxy = context.GetReverseProxyFeature();
        if (proxy.Route.Config.Metadata is { } metadata && metadata.TryGetValue(SliceCatalog.SliceKey, out var slice))
        {
            var state = snapshots.Current.States.TryGetValue(slice, out var s) ? s.State : SliceStates.Legacy;
            var extractedCluster = metadata.TryGetValue(SliceCatalog.SliceClusterKey, out var id) && !string.IsNullOrEmpty(id)
                && proxyState.TryGetCluster(id, out var c) ? c : null;
            var request = new SliceRequest(slice, state, proxy.Route.Cluster!, extractedCluster);
            context.Features.Set(request);

            var extracted = await decision.GoesToExtractedAsync(slice, TargetingFor(context), context.RequestAborted);
            var cluster = SliceDecision.PickCluster(extracted, extractedCluster);
            if (cluster is not null)
            {
                context.ReassignProxyRequest(cluster);
                request.Side = SliceRequest.ExtractedSide;
            }
            else if (extracted)
            {
                // Chosen but unavailable (no healthy destination, circuit open): the monolith answers.
                request.FellBack = true;
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
