using Migration.Facade.Hosting;
using OpenTelemetry.Trace;

namespace Migration.Facade.Tracing;

internal static class TracingExtensions
{
    /// <summary>
    /// The data plane samples its requests itself (<c>Telemetry:TraceSampleRatio</c>, 1 % by default); the control plane's
    /// tracer exports the data plane's spans with its own.
    /// </summary>
    public static FacadeBuilder AddRequestTracing(this FacadeBuilder facade)
    {
        var ratio = ServiceDefaultsExtensions.TraceSampleRatio(facade.Configuration);
        facade.DataPlane.Services.AddSingleton(new RequestSampling(ratio));
        facade.ControlPlane.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing
            .AddSource(ProxySpans.SourceName)
            .SetSampler(new ProxySpanSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(ratio)))));
        return facade;
    }
}
