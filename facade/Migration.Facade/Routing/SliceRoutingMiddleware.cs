using Microsoft.FeatureManagement.FeatureFilters;
using Migration.Facade.Canary;
using Migration.Facade.Contracts;
using Migration.Facade.Flags;
using Yarp.ReverseProxy;

namespace Migration.Facade.Routing;

/// <summary>
/// Runs inside YARP's pipeline, before load balancing: a route that belongs to a slice is moved to the
/// slice's cluster when its flag says so, and the decision is recorded as a <see cref="SliceRequest"/>
/// feature. Everything else passes through untouched.
/// </summary>
internal sealed class SliceRoutingMiddleware(
    SliceDecision decision, IProxyStateLookup proxyState, SliceSnapshotHolder snapshots, CanaryIdentity identity, SideOverrides overrides)
{
    // Not async unless the decision is: every proxied request passes through here, and only a canary's
    // FeatureManagement evaluation may complete later.
    public Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var snapshot = snapshots.Current;
        // While any canary runs, every proxied answer may carry the visitor cookie (CanaryIdentity): a page then has it
        // before its own API calls to the canary's routes start, so they all share one id.
        var user = snapshot.AnyCanary ? identity.Resolve(context) : null;
        var proxy = context.GetReverseProxyFeature();
        if (proxy.Route.Config.Metadata is { } metadata && metadata.TryGetValue(SliceCatalog.SliceKey, out var slice))
        {
            var state = snapshot.States.TryGetValue(slice, out var s) ? s.State : SliceStates.Legacy;
            var extractedCluster = metadata.TryGetValue(SliceCatalog.SliceClusterKey, out var id) && !string.IsNullOrEmpty(id)
                && proxyState.TryGetCluster(id, out var c) ? c : null;
            var request = new SliceRequest(slice, state, proxy.Route.Cluster!, extractedCluster);
            context.Features.Set(request);

            if (Forced(context, slice) is { } side)
            {
                Route(context, request, side == SliceRequest.ExtractedSide);
            }
            else
            {
                var extracted = decision.GoesToExtractedAsync(slice, state, TargetingFor(state, user), context.RequestAborted);
                if (!extracted.IsCompletedSuccessfully) return RouteLaterAsync(context, next, request, extracted);
                Route(context, request, extracted.Result);
            }
        }
        return Next(context, next);
    }

    private static async Task RouteLaterAsync(HttpContext context, RequestDelegate next, SliceRequest request, ValueTask<bool> extracted)
    {
        Route(context, request, await extracted);
        await Next(context, next);
    }

    private static void Route(HttpContext context, SliceRequest request, bool extracted)
    {
        var cluster = SliceDecision.PickCluster(extracted, request.ExtractedCluster);
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

    private static Task Next(HttpContext context, RequestDelegate next)
    {
        // The override value is for the facade alone; the backends' logs have no use for a tester's pass.
        context.Request.Headers.Remove(SideOverrideDto.HeaderName);
        return next(context);
    }

    // Only a canary needs to know who is asking; the other states answer the same for everyone.
    private static TargetingContext TargetingFor(string state, string? user) =>
        state == SliceStates.Canary && user is not null ? new TargetingContext { UserId = user } : Everyone;

    private string? Forced(HttpContext context, string slice) =>
        context.Request.Headers.TryGetValue(SideOverrideDto.HeaderName, out var value) && value.Count == 1
            ? overrides.SideFor(slice, value[0]!)
            : null;

    private static readonly TargetingContext Everyone = new() { UserId = "" };
}
