using OpenTelemetry.Metrics;

namespace Migration.Facade.Metrics;

internal static class MetricsExtensions
{
    /// <summary>Per-slice instruments and rolling windows; a Prometheus exporter beside ServiceDefaults' OTLP one.</summary>
    public static WebApplicationBuilder AddSliceMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SliceMeters>();
        builder.Services.AddSingleton<TrafficStatistics>();
        builder.Services.ConfigureOpenTelemetryMeterProvider(metrics => metrics
            .AddMeter(SliceMeters.MeterName)
            .AddPrometheusExporter());
        return builder;
    }

    /// <summary>
    /// <c>/metrics</c> for Prometheus. Mapped without the public-port marker, so it answers on the control plane only;
    /// scraping needs no token (a scraper rarely carries one) — keep the control plane on loopback or a private network.
    /// </summary>
    public static WebApplication MapSliceMetrics(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint();
        return app;
    }
}
