using Microsoft.FeatureManagement;
using Microsoft.FeatureManagement.FeatureFilters;
using Migration.Facade.Contracts;
using Migration.Facade.Flags;
using Yarp.ReverseProxy.Model;

namespace Migration.Facade.Routing;

/// <summary>Which side a slice request should go to, as Microsoft.FeatureManagement answers it.</summary>
internal sealed class SliceDecision(IVariantFeatureManager features)
{
    /// <summary>
    /// True when the request belongs on the extracted side. Evaluated against the in-memory snapshot;
    /// the targeting context only matters for canaries (sticky per user).
    /// </summary>
    public ValueTask<bool> GoesToExtractedAsync(string slice, ITargetingContext user, CancellationToken ct) =>
        features.IsEnabledAsync(SliceFeatures.FeatureName(slice), user, ct);

    /// <summary>
    /// The same answer on the request path: only a canary depends on who asks, so only a canary is evaluated by
    /// FeatureManagement (filters, targeting, allocation); the uniform states read the snapshot's state, which the
    /// feature definitions are built from (filter evaluation on every extracted request showed in the benchmark).
    /// </summary>
    public ValueTask<bool> GoesToExtractedAsync(string slice, string state, ITargetingContext user, CancellationToken ct) => state switch
    {
        SliceStates.Canary => GoesToExtractedAsync(slice, user, ct),
        SliceStates.Extracted => ValueTask.FromResult(true),
        _ => ValueTask.FromResult(false),
    };

    /// <summary>
    /// The cluster to reassign to, or null to stay on the route's own (legacy) cluster: a missing cluster
    /// or one without an available destination must never take a user's request down with it.
    /// </summary>
    public static ClusterState? PickCluster(bool extracted, ClusterState? sliceCluster) =>
        extracted && sliceCluster?.DestinationsState?.AvailableDestinations.Count > 0 ? sliceCluster : null;
}
