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

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
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

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var ratio = TraceSampleRatio(builder.Configuration);
        // A service follows its caller's decision (the facade's); the facade's public side must not, or any client could
        // have every request traced by sending a sampled traceparent.
        var followCaller = builder.Configuration.GetValue("Telemetry:FollowCallerSampling", defaultValue: true);
        var byRatio = new TraceIdRatioBasedSampler(ratio);
        // A proxy's every request is also an HttpClient request: the facade turns these off (Telemetry:HttpClientMetrics),
        // since the server's own duration and its per-slice metrics already describe each proxied request.
        var clientMetrics = builder.Configuration.GetValue("Telemetry:HttpClientMetrics", defaultValue: true);
        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddRuntimeInstrumentation().AddMeter("Migration.*");
                if (clientMetrics) metrics.AddHttpClientInstrumentation();
            })
            .WithTracing(tracing => tracing
                // Head sampling: an unsampled request creates no recorded spans, which is most of tracing's cost. A caller's
                // sampled trace is followed; a stage that sees an error or a fallback can still keep its request (the facade's
                // TraceRecording).
                .SetSampler(followCaller
                    ? new ParentBasedSampler(byRatio)
                    : new ParentBasedSampler(byRatio, remoteParentSampled: byRatio, remoteParentNotSampled: byRatio))
                .AddSource(builder.Environment.ApplicationName)
                .AddAspNetCoreInstrumentation(o => o.Filter = ctx =>
                    !ctx.Request.Path.StartsWithSegments(HealthEndpointPath) &&
                    !ctx.Request.Path.StartsWithSegments(AlivenessEndpointPath))
                .AddHttpClientInstrumentation());

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
