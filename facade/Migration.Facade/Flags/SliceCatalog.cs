using Yarp.ReverseProxy.Configuration;

namespace Migration.Facade.Flags;

/// <summary>A slice as configured: the routes whose metadata name it, and the cluster it moves to.</summary>
internal sealed record SliceDefinition(string Name, string TargetCluster, IReadOnlyList<string> Routes);

/// <summary>The slices declared in the proxy configuration (route metadata <c>Slice</c> / <c>SliceCluster</c>).</summary>
internal sealed class SliceCatalog
{
    public const string SliceKey = "Slice";
    public const string SliceClusterKey = "SliceCluster";

    public SliceCatalog(IEnumerable<RouteConfig> routes)
    {
        Slices = routes
            .Where(r => r.Metadata?.ContainsKey(SliceKey) == true)
            .GroupBy(r => r.Metadata![SliceKey], StringComparer.Ordinal)
            .Select(g => new SliceDefinition(
                g.Key,
                g.Select(r => r.Metadata!.GetValueOrDefault(SliceClusterKey)).FirstOrDefault(c => !string.IsNullOrEmpty(c)) ?? "",
                g.Select(Describe).Order(StringComparer.Ordinal).ToArray()))
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .ToDictionary(s => s.Name, StringComparer.Ordinal);
    }

    public SliceCatalog(IProxyConfigProvider provider) : this(provider.GetConfig().Routes)
    {
    }

    public IReadOnlyDictionary<string, SliceDefinition> Slices { get; }

    public int RouteCount => Slices.Values.Sum(s => s.Routes.Count);

    private static string Describe(RouteConfig route)
    {
        var methods = route.Match.Methods is { Count: > 0 } m ? string.Join(",", m) + " " : "";
        return methods + (route.Match.Path ?? route.RouteId);
    }
}
