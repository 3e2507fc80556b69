using Migration.Facade.Admin;
using Migration.Facade.Canary;
using Migration.Facade.Data;
using Migration.Facade.Flags;
using Migration.Facade.Hosting;
using Migration.Facade.Identity;
using Migration.Facade.Metrics;
using Migration.Facade.Routing;
using Migration.Facade.Shadow;
using Migration.Facade.Slo;

namespace Migration.Facade;

/// <summary>Builds the facade: the proxy on the public port, the control plane on its own port.</summary>
public static class FacadeApp
{
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        builder.AddServiceDefaults();
        builder.AddFacadeEndpoints();
        builder.AddFlagStore();
        builder.AddCanary();
        builder.AddServiceIdentity();
        builder.AddSliceRouting();
        builder.AddSliceMetrics();
        builder.AddShadowTraffic();
        builder.AddSloGuard();
        builder.AddDataParity();
        builder.AddControlPlane();

        var app = builder.Build();
        // Before routing, so a trusted balancer's host is the one routes match.
        app.UseTrustedProxies();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapControlPlane();
        app.MapSliceMetrics();
        app.MapClosedPaths();
        app.MapFacadeProxy();
        return app;
    }
}
