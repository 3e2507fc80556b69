using Microsoft.FeatureManagement;
using Microsoft.FeatureManagement.FeatureFilters;
using Migration.Facade.Contracts;
using Migration.Facade.Flags;
using Yarp.ReverseProxy.Model;

namespace Migration.Facade.Routing;

/// <summary>Which side a slice request should go to.</summary>
internal sealed class SliceDecision(IVariantFeatureManager features)
{
    /// <summary>
    /// FeatureManagement's answer for the slice's feature: the definition of the decision, which the tests hold the
    /// request path's <see cref="GoesToExtracted"/> to (registered, so they can ask a running facade too).
    /// </summary>
    public ValueTask<bool> GoesToExtractedAsync(string slice, ITargetingContext user, CancellationToken ct) =>
        features.IsEnabledAsync(SliceFeatures.FeatureName(slice), user, ct);

    /// <summary>
    /// The same answer on the request path, synchronous and allocation-free: the uniform states read the snapshot's
    /// state, a canary hashes the user as FeatureManagement's allocation does (<see cref="CanaryBuckets"/>).
    /// </summary>
    public static bool GoesToExtracted(SliceState? slice, string? user) => slice?.State switch
    {
        SliceStates.Canary => CanaryBuckets.InCanary(user ?? "", slice.Name, slice.Percentage),
        SliceStates.Extracted => true,
        _ => false,
    };

    /// <summary>
    /// The cluster to reassign to, or null to stay on the route's own (legacy) cluster: a missing cluster
    /// or one without an available destination must never take a user's request down with it.
    /// </summary>
    public static ClusterState? PickCluster(bool extracted, ClusterState? sliceCluster) =>
        extracted && sliceCluster?.DestinationsState?.AvailableDestinations.Count > 0 ? sliceCluster : null;
}
