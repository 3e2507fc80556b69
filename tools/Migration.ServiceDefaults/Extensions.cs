using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Health, OpenTelemetry, service discovery and resilience shared by every host of the migration.
/// </summary>
public static class ServiceDefaultsExtensions
{
    private const string HealthEndpointPath = "/health";
    private const string AlivenessEndpointPath = "/alive";

    /// <param name="instrumentHttpClients">
    /// OpenTelemetry's HttpClient metrics and traces. A proxy turns them off: its every request is also an HttpClient
    /// request, which they would measure (and give an Activity) a second time.
    /// </param>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder, bool instrumentHttpClients = true) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry(instrumentHttpClients);
        builder.AddDefaultHealthChecks();
        builder.Services.AddServiceDiscovery();

        // Resilience belongs to the clients the services create themselves. The facade's forwarding
        // client is built by YARP's own factory, so it never picks up these handlers.
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });
        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder, bool instrumentHttpClients = true) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var ratio = TraceSampleRatio(builder.Configuration);
        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddRuntimeInstrumentation().AddMeter("Migration.*");
                if (instrumentHttpClients) metrics.AddHttpClientInstrumentation();
            })
            .WithTracing(tracing =>
            {
                // Head sampling: an unsampled request creates no recorded spans, which is most of tracing's cost. A caller's
                // decision is followed (the facade's data plane samples for the whole trace and ignores its own callers').
                tracing.SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(ratio)))
                    .AddSource(builder.Environment.ApplicationName)
                    .AddAspNetCoreInstrumentation(o => o.Filter = ctx =>
                        !ctx.Request.Path.StartsWithSegments(HealthEndpointPath) &&
                        !ctx.Request.Path.StartsWithSegments(AlivenessEndpointPath));
                if (instrumentHttpClients) tracing.AddHttpClientInstrumentation();
            });

        // Exporting only when an endpoint is configured keeps plain `dotnet run` free of retries to nowhere.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }
        return builder;
    }

    /// <summary><c>Telemetry:TraceSampleRatio</c>: the share of requests traced (0-1, default 0.01).</summary>
    public static double TraceSampleRatio(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        var raw = configuration["Telemetry:TraceSampleRatio"];
        if (raw is null) return DefaultTraceSampleRatio;
        return double.TryParse(raw, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var ratio) && ratio is >= 0 and <= 1
            ? ratio
            : throw new InvalidOperationException($"Telemetry:TraceSampleRatio must be a number from 0 to 1; got '{raw}'.");
    }

    public const double DefaultTraceSampleRatio = 0.01;

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);
        return builder;
    }

    /// <summary>Maps <c>/health</c> (all checks) and <c>/alive</c> (liveness only).</summary>
    public static IEndpointConventionBuilder MapDefaultEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("");
        group.MapHealthChecks(HealthEndpointPath);
        group.MapHealthChecks(AlivenessEndpointPath, new HealthCheckOptions { Predicate = r => r.Tags.Contains("live") });
        return group;
    }
}
