using System.Diagnostics;
using System.Diagnostics.Metrics;
using Migration.Facade.Contracts;
using Migration.Facade.Shadow;

namespace Migration.Facade.Metrics;

/// <summary>
/// The facade's instruments, exported through OpenTelemetry (OTLP and the control plane's Prometheus endpoint). All are
/// observed when a reader collects, from what the data plane already counts for the SLO guard and the admin API
/// (<see cref="TrafficStatistics"/>, <see cref="ShadowStatistics"/>): a proxied request pays for no instrument.
/// </summary>
internal sealed class SliceMeters
{
    public const string MeterName = "Migration.Facade";

    /// <summary>The window the latency gauges read, as the SLO guard's default does.</summary>
    public const int LatencyWindowSeconds = 60;

    public SliceMeters(IMeterFactory factory, TrafficStatistics traffic, ShadowStatistics shadow)
    {
        var meter = factory.Create(MeterName);
        meter.CreateObservableCounter("strangler.slice.requests",
            () => traffic.Totals().Select(t => new Measurement<long>(t.Requests, SliceSide(t))), description: "Requests of a slice answered by a side");
        meter.CreateObservableCounter("strangler.slice.errors",
            () => traffic.Totals().Select(t => new Measurement<long>(t.Errors, SliceSide(t))), description: "5xx answers and proxy errors of a side");
        meter.CreateObservableGauge("strangler.slice.duration.p95", () => Latency(traffic, w => w.P95Ms), "ms",
            $"95th percentile of the time a side took to answer, over the last {LatencyWindowSeconds} s");
        meter.CreateObservableGauge("strangler.slice.duration.p99", () => Latency(traffic, w => w.P99Ms), "ms",
            $"99th percentile of the time a side took to answer, over the last {LatencyWindowSeconds} s");
        meter.CreateObservableCounter("strangler.slice.fallbacks",
            () => traffic.FallbackTotals().Select(f => new Measurement<long>(f.Count, new TagList { { "slice", f.Slice }, { "reason", f.Reason } })),
            description: "Requests the monolith answered after the extracted side failed");
        meter.CreateObservableCounter("strangler.shadow.results",
            () => shadow.Results().Select(r => new Measurement<long>(r.Count, new TagList { { "slice", r.Slice }, { "result", r.Result } })),
            description: "Shadow comparisons by result (match, difference, skipped reasons)");
    }

    private static IEnumerable<Measurement<double>> Latency(TrafficStatistics traffic, Func<SideStatsDto, double?> percentile)
    {
        foreach (var totals in traffic.Totals(LatencyWindowSeconds))
        {
            if (percentile(totals.Window!) is { } ms) yield return new Measurement<double>(ms, SliceSide(totals));
        }
    }

    private static TagList SliceSide(SideTotals totals) => new() { { "slice", totals.Slice }, { "side", totals.Side } };
}
