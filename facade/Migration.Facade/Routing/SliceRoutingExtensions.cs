using Microsoft.Extensions.Options;
using Migration.Facade.Fallback;
using Migration.Facade.Hosting;
using Migration.Facade.Identity;
using Migration.Facade.Shadow;
using Migration.Facade.Tracing;
using Migration.Facade.Transparency;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Transforms;

namespace Migration.Facade.Routing;

internal static class SliceRoutingExtensions
{
    /// <summary>
    /// YARP on the data plane, from the ordinary <c>ReverseProxy</c> section, destinations through service discovery. The
    /// control plane reads YARP's configuration (the slices) and state (destinations, health) from here.
    /// </summary>
    public static FacadeBuilder AddSliceRouting(this FacadeBuilder facade)
    {
        var services = facade.DataPlane.Services;
        services.AddServiceDiscovery();
        services.AddReverseProxy()
            .LoadFromConfig(facade.Configuration.GetSection("ReverseProxy"))
            .AddServiceDiscoveryDestinationResolver()
            // The trace context is the facade's to write (TraceContext): a client's traceparent must not decide sampling.
            .ConfigureHttpClient((_, handler) => handler.ActivityHeadersPropagator = null)
            .AddTransforms(transforms =>
            {
                transforms.AddServiceTokens();
                transforms.AddTransparency();
                transforms.AddTraceContext();
            });
        services.AddSingleton<SliceRoutingMiddleware>();
        services.AddSingleton<PublicHostFilter>();
        facade.ShareWithControlPlane<IProxyConfigProvider>().ShareWithControlPlane<IProxyStateLookup>();
        facade.AddFallback();
        return facade;
    }

    /// <summary>
    /// The proxy: sampling, host filter and identity strip, then the slice decision, shadow, fallback and measurement,
    /// then what YARP's default pipeline does (session affinity, load balancing, passive health checks), which a custom
    /// pipeline must re-add; passive health checks are charged to the cluster that served the request (see
    /// PassiveHealthMiddleware). Without the migration pipeline every route stays on its own cluster.
    /// </summary>
    public static WebApplication MapFacadeProxy(this WebApplication dataPlane)
    {
        var services = dataPlane.Services;
        var pipeline = services.GetRequiredService<IOptions<FacadeEndpointOptions>>().Value.MigrationPipeline;
        var sampling = services.GetRequiredService<RequestSampling>();
        var sliceRouting = services.GetRequiredService<SliceRoutingMiddleware>();
        var fallback = services.GetRequiredService<LegacyFallbackMiddleware>();
        var shadow = services.GetRequiredService<ShadowMiddleware>();
        var health = services.GetRequiredService<PassiveHealthMiddleware>();
        var stripping = services.GetRequiredService<ClientIdentityStripping>();
        var hosts = services.GetRequiredService<PublicHostFilter>();
        dataPlane.MapReverseProxy(proxy =>
        {
            // Stages take a RequestDelegate: the Func<Task> overload of Use allocates a closure per request.
            proxy.Use(sampling.InvokeAsync);
            proxy.Use(hosts.InvokeAsync);
            proxy.Use(stripping.InvokeAsync);
            if (pipeline)
            {
                proxy.Use(sliceRouting.InvokeAsync);
                proxy.Use(shadow.InvokeAsync);
                proxy.Use(fallback.InvokeAsync);
            }
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            // YARP's own passive health checks would charge a reassigned request to the route's (legacy) cluster.
            if (pipeline) proxy.Use(health.InvokeAsync);
            else proxy.UsePassiveHealthChecks();
        });
        return dataPlane;
    }
}
