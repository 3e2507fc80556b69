using OpenTelemetry.Trace;

namespace Migration.Facade.Tracing;

/// <summary>
/// The facade's OpenTelemetry sampler: a data-plane span exists only because the data plane decided to keep it, so it is
/// recorded; anything else (the control plane's own requests and calls) is sampled by <paramref name="others"/>.
/// </summary>
internal sealed class ProxySpanSampler(Sampler others) : Sampler
{
    private static readonly SamplingResult Recorded = new(SamplingDecision.RecordAndSample);

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        samplingParameters.Name == ProxySpans.OperationName ? Recorded : others.ShouldSample(samplingParameters);
}
