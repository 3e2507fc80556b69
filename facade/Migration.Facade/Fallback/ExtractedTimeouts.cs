using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Migration.Facade.Flags;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Migration.Facade.Fallback;

/// <summary>
/// Gives a slice's extracted requests the slice's own timeout. YARP's forwarder reads the timeout from the proxy
/// feature's cluster model, so the request sees a copy of the extracted cluster's model with the slice's
/// <c>ActivityTimeout</c>; the copy shares the cluster's HTTP client and is built once per slice and cluster configuration.
/// </summary>
internal sealed class ExtractedTimeouts(IOptions<SliceSettingsOptions> slices)
{
    private readonly ConcurrentDictionary<string, (ClusterModel Source, ClusterModel WithTimeout)> _models = new(StringComparer.Ordinal);

    public void Apply(HttpContext context, string slice)
    {
        if (slices.Value.For(slice).Fallback?.Timeout is not { } timeout) return;
        var proxy = context.GetReverseProxyFeature();
        var source = proxy.Cluster;
        if (!_models.TryGetValue(slice, out var cached) || !ReferenceEquals(cached.Source, source))
        {
            // A configuration reload gives the cluster a new model; the copy follows it.
            cached = (source, WithTimeout(source, timeout));
            _models[slice] = cached;
        }
        context.Features.Set<IReverseProxyFeature>(new ProxyFeatureWithCluster(proxy, cached.WithTimeout));
    }

    private static ClusterModel WithTimeout(ClusterModel source, TimeSpan timeout)
    {
        var request = (source.Config.HttpRequest ?? ForwarderRequestConfig.Empty) with { ActivityTimeout = timeout };
        return new ClusterModel(source.Config with { HttpRequest = request }, source.HttpClient);
    }

    // IReverseProxyFeature.Cluster has no setter; everything else is the request's own feature.
    private sealed class ProxyFeatureWithCluster(IReverseProxyFeature inner, ClusterModel cluster) : IReverseProxyFeature
    {
        public RouteModel Route => inner.Route;
        public ClusterModel Cluster => cluster;
        public IReadOnlyList<DestinationState> AllDestinations => inner.AllDestinations;

        public IReadOnlyList<DestinationState> AvailableDestinations
        {
            get => inner.AvailableDestinations;
            set => inner.AvailableDestinations = value;
        }

        public DestinationState? ProxiedDestination
        {
            get => inner.ProxiedDestination;
            set => inner.ProxiedDestination = value;
        }
    }
}
