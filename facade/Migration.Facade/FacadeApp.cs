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
using Migration.Facade.Tracing;

namespace Migration.Facade;

/// <summary>
/// Builds the facade: a data plane (a slim host: YARP and the migration stages on the public port, nothing else) and a
/// control plane (an ordinary ASP.NET Core host on its own port: admin API, OpenAPI, metrics, health), in one process.
/// </summary>
public static class FacadeApp
{
    /// <param name="builder">The control plane's builder; the data plane reads its configuration and environment.</param>
    public static FacadeHosts Build(WebApplicationBuilder builder)
    {
        var facade = new FacadeBuilder(builder, DataPlaneHost.CreateBuilder(builder)).LogThroughControlPlane();
        // The proxy's every request would also be an HttpClient request: the data plane records its own figures instead.
        builder.AddServiceDefaults(instrumentHttpClients: false);
        facade.AddFacadeEndpoints();
        facade.AddFlagStore();
        facade.AddCanary();
        facade.AddServiceIdentity();
        facade.AddSliceRouting();
        facade.AddSliceMetrics();
        facade.AddShadowTraffic();
        facade.AddRequestTracing();
        builder.AddSloGuard();
        builder.AddDataParity();
        builder.AddControlPlane();

        var (controlPlane, dataPlane) = facade.Build();
        // Before routing, so a trusted balancer's host is the one routes match.
        dataPlane.UseTrustedProxies();
        dataPlane.UseRouting();
        dataPlane.MapClosedPaths();
        dataPlane.MapFacadeProxy();

        controlPlane.UseExceptionHandler();
        controlPlane.UseStatusCodePages();
        controlPlane.UseRouting();
        controlPlane.UseAuthentication();
        controlPlane.UseAuthorization();
        controlPlane.MapControlPlane();
        controlPlane.MapSliceMetrics();
        return new FacadeHosts(controlPlane, dataPlane);
    }
}
