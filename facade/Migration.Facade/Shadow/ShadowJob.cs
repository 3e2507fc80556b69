using Yarp.ReverseProxy.Model;

namespace Migration.Facade.Shadow;

/// <summary>A request to mirror and the monolith's answer to it, queued for the background comparer.</summary>
internal sealed record ShadowJob(
    string Slice,
    ShadowOptions Options,
    string Method,
    PathString Path,
    QueryString Query,
    IReadOnlyList<KeyValuePair<string, string[]>> Headers,
    byte[]? Body,
    int LegacyStatus,
    IReadOnlyList<KeyValuePair<string, IEnumerable<string>>> LegacyHeaders,
    byte[] LegacyBody,
    ClusterState Extracted,
    ClusterState LegacyCluster,
    DateTimeOffset At)
{
    /// <summary>What the job keeps in memory, near enough: its two bodies.</summary>
    public long Bytes => (Body?.Length ?? 0) + LegacyBody.Length;
}
