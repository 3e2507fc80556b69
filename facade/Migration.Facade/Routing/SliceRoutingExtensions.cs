using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;
using Migration.Facade.Fallback;
using Migration.Facade.Hosting;
using Migration.Facade.Identity;
using Migration.Facade.Shadow;
using Migration.Facade.Transparency;
using Yarp.ReverseProxy.Transforms;

namespace Migration.Facade.Routing;

internal static class SliceRoutingExtensions
{
    /// <summary>YARP from the ordinary <c>ReverseProxy</c> section, destinations through service discovery.</summary>
    public static WebApplicationBuilder AddSliceRouting(this WebApplicationBuilder builder)
    {
        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddServiceDiscoveryDestinationResolver()
            .AddTransforms(transforms =>
            {
                transforms.AddServiceTokens();
                transforms.AddTransparency();
            });
        builder.Services.AddSingleton<SliceRoutingMiddleware>();
        builder.Services.AddSingleton<PublicHostFilter>();
        builder.AddFallback();
        return builder;
    }

    /// <summary>
    /// The proxy, public port only: slice decision, then fallback and measurement, then what YARP's default
    /// pipeline does (session affinity, load balancing, passive health checks), which a custom pipeline must re-add;
    /// passive health checks are charged to the cluster that served the request (see PassiveHealthMiddleware).
    /// Without the migration pipeline every route stays on its own cluster.
    /// </summary>
    public static WebApplication MapFacadeProxy(this WebApplication app)
    {
        var pipeline = app.Services.GetRequiredService<IOptions<FacadeEndpointOptions>>().Value.MigrationPipeline;
        var sliceRouting = app.Services.GetRequiredService<SliceRoutingMiddleware>();
        var fallback = app.Services.GetRequiredService<LegacyFallbackMiddleware>();
        var shadow = app.Services.GetRequiredService<ShadowMiddleware>();
        var health = app.Services.GetRequiredService<PassiveHealthMiddleware>();
        var stripping = app.Services.GetRequiredService<ClientIdentityStripping>();
        var hosts = app.Services.GetRequiredService<PublicHostFilter>();
        app.MapReverseProxy(proxy =>
        {
            proxy.Use(hosts.InvokeAsync);
            proxy.Use(stripping.InvokeAsync);
            proxy.Use(KeepBackendErrorsUntouched);
            if (pipeline)
            {
                // Stages take a RequestDelegate: the Func<Task> overload of Use allocates a closure per request.
                proxy.Use(sliceRouting.InvokeAsync);
                proxy.Use(shadow.InvokeAsync);
                proxy.Use(fallback.InvokeAsync);
            }
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            // YARP's own passive health checks would charge a reassigned request to the route's (legacy) cluster.
            if (pipeline) proxy.Use(health.InvokeAsync);
            else proxy.UsePassiveHealthChecks();
        }).WithMetadata(PublicPortEndpoint.Instance);
        return app;
    }

    // The backends' own error bodies (or empty 404s) must reach users as they are, not as facade problem details.
    private static Task KeepBackendErrorsUntouched(HttpContext context, Func<Task> next)
    {
        if (context.Features.Get<IStatusCodePagesFeature>() is { } pages)
        {
            pages.Enabled = false;
        }
        return next();
    }
}
