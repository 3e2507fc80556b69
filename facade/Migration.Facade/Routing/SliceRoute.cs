using Migration.Facade.Contracts;
using Yarp.ReverseProxy.Model;

namespace Migration.Facade.Routing;

/// <summary>
/// The routing stage's decision for one proxied request that belongs to a slice, published once as an HttpContext
/// feature and never changed: later stages (shadow, fallback, identity) act on the same answer without deciding again.
/// What happened afterwards (a fallback) is the fallback stage's own result, not a change to this one.
/// </summary>
/// <param name="Slice">The slice the route belongs to.</param>
/// <param name="State">The slice's state when the request arrived (legacy, shadow, canary, extracted).</param>
/// <param name="Side">The side the request was sent to (<see cref="Sides"/>).</param>
/// <param name="ExtractedUnavailable">The extracted side was chosen but had no destination to take it, so it went to legacy.</param>
/// <param name="LegacyCluster">The route's own cluster: the monolith.</param>
/// <param name="ExtractedCluster">The slice's extracted cluster, when it exists in the proxy configuration.</param>
internal sealed record SliceRoute(
    string Slice, string State, string Side, bool ExtractedUnavailable, ClusterState LegacyCluster, ClusterState? ExtractedCluster);
