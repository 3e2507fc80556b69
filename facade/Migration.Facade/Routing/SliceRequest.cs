using Yarp.ReverseProxy.Model;

namespace Migration.Facade.Routing;

/// <summary>
/// The decision for one proxied request that belongs to a slice, kept as an HttpContext feature so the later
/// pipeline stages (fallback, metrics, shadow) act on the same answer without deciding again.
/// </summary>
internal sealed class SliceRequest(string slice, string state, ClusterState legacyCluster, ClusterState? extractedCluster)
{
    public const string LegacySide = "legacy";
    public const string ExtractedSide = "extracted";

    public string Slice { get; } = slice;

    /// <summary>The slice's state when the request arrived (legacy, shadow, canary, extracted).</summary>
    public string State { get; } = state;

    /// <summary>The route's own cluster: the monolith.</summary>
    public ClusterState LegacyCluster { get; } = legacyCluster;

    /// <summary>The slice's extracted cluster, when it exists in the proxy configuration.</summary>
    public ClusterState? ExtractedCluster { get; } = extractedCluster;

    /// <summary>The side that answers the user; a fallback changes it back to legacy.</summary>
    public string Side { get; set; } = LegacySide;

    /// <summary>True when the extracted side was chosen but the monolith had to answer.</summary>
    public bool FellBack { get; set; }

    /// <summary>A 5xx of the extracted side held back from the user so the monolith can answer instead.</summary>
    public int? SuppressedStatus { get; set; }
}
