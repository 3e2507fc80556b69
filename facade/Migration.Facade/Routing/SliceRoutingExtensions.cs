using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;
using Migration.Facade.Hosting;

namespace Migration.Facade.Routing;

internal static class SliceRoutingExtensions
{
    /// <summary>YARP from the ordinary <c>ReverseProxy</c> section, destinations through service discovery.</summary>
    public static WebApplicationBuilder AddSliceRouting(this WebApplicationBuilder builder)
    {
        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddServiceDiscoveryDestinationResolver();
        builder.Services.AddSingleton<SliceDecision>();
        builder.Services.AddSingleton<SliceRoutingMiddleware>();
        return builder;
    }

    /// <summary>
    /// The proxy, public port only. A custom pipeline replaces YARP's default one, so session affinity,
    /// load balancing and passive health checks are added back after the slice decision.
    /// </summary>
    public static WebApplication MapFacadeProxy(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<FacadeEndpointOptions>>().Value.MigrationPipeline)
        {
            app.MapReverseProxy(proxy =>
            {
                proxy.Use(KeepBackendErrorsUntouched);
                proxy.UseSessionAffinity();
                proxy.UseLoadBalancing();
                proxy.UsePassiveHealthChecks();
            }).WithMetadata(PublicPortEndpoint.Instance);
            return app;
        }
        var sliceRouting = app.Services.GetRequiredService<SliceRoutingMiddleware>();
        app.MapReverseProxy(proxy =>
        {
            proxy.Use(KeepBackendErrorsUntouched);
            proxy.Use(sliceRouting.InvokeAsync);
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
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
