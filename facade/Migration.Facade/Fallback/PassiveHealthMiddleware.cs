using System.Collections.Frozen;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace Migration.Facade.Fallback;

/// <summary>
/// Passive health checks for the cluster that really served the request. YARP's own middleware reports every
/// outcome to the route's cluster (<c>context.GetRouteModel().Cluster</c>), so after <c>ReassignProxyRequest</c> the
/// extracted cluster's available destinations were never recomputed: a dead service stayed "available" and every
/// request paid for a failed connection before falling back. Reporting to the reassigned cluster opens the circuit.
/// </summary>
internal sealed class PassiveHealthMiddleware(IEnumerable<IPassiveHealthCheckPolicy> policies, IProxyStateLookup proxyState)
{
    private const string DefaultPolicy = "TransportFailureRate";

    private readonly FrozenDictionary<string, IPassiveHealthCheckPolicy> _policies =
        policies.ToFrozenDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        await next(context);

        var proxy = context.GetReverseProxyFeature();
        var options = proxy.Cluster.Config.HealthCheck?.Passive;
        if (options?.Enabled != true || proxy.ProxiedDestination is not { } destination || ServedBy(proxy) is not { } cluster)
        {
            return;
        }
        var name = string.IsNullOrEmpty(options.Policy) ? DefaultPolicy : options.Policy;
        // An unknown policy name is a configuration error YARP's config validation already reports at load.
        if (_policies.TryGetValue(name, out var policy))
        {
            policy.RequestProxied(context, cluster, destination);
        }
    }

    // The feature's model may be a per-slice copy (see ExtractedTimeouts), so the cluster is found by its id.
    private ClusterState? ServedBy(IReverseProxyFeature proxy) =>
        proxy.Route.Cluster is { } own && ReferenceEquals(own.Model, proxy.Cluster) ? own
        : proxyState.TryGetCluster(proxy.Cluster.Config.ClusterId, out var cluster) ? cluster
        : null;
}
