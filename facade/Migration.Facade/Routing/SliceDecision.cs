using Migration.Facade.Contracts;
using Migration.Facade.Flags;
using Yarp.ReverseProxy.Model;

namespace Migration.Facade.Routing;

/// <summary>Which side a slice request should go to.</summary>
internal static class SliceDecision
{
    /// <summary>
    /// Microsoft.FeatureManagement's answer for the slice's feature (<see cref="SliceFeatures"/>), synchronous and
    /// allocation-free: the uniform states read the snapshot's state, a canary hashes the user as FeatureManagement's
    /// allocation does (<see cref="CanaryBuckets"/>). Tests hold the two to the same answer.
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
