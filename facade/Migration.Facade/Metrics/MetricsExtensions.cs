using Migration.Facade.Hosting;
using OpenTelemetry.Metrics;

namespace Migration.Facade.Metrics;

internal static class MetricsExtensions
{
    /// <summary>
    /// The data plane counts into the control plane's statistics; the control plane observes them as instruments, with a
    /// Prometheus exporter beside ServiceDefaults' OTLP one.
    /// </summary>
    public static FacadeBuilder AddSliceMetrics(this FacadeBuilder facade)
    {
        var services = facade.ControlPlane.Services;
        services.AddSingleton<TrafficStatistics>();
        services.AddSingleton<SliceMeters>();
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics
            .AddMeter(SliceMeters.MeterName)
            .AddPrometheusExporter());
        facade.ShareWithDataPlane<TrafficStatistics>();
        return facade;
    }

    /// <summary>
    /// <c>/metrics</c> for Prometheus, on the control plane's host. Scraping needs no token (a scraper rarely carries one):
    /// keep the control plane on loopback or a private network.
    /// </summary>
    public static WebApplication MapSliceMetrics(this WebApplication controlPlane)
    {
        // The instruments exist once their owner does.
        controlPlane.Services.GetRequiredService<SliceMeters>();
        controlPlane.MapPrometheusScrapingEndpoint();
        return controlPlane;
    }
}
