using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Migration.Facade.Metrics;

/// <summary>The facade's instruments, exported through OpenTelemetry (OTLP and the Prometheus scrape endpoint).</summary>
internal sealed class SliceMeters
{
    public const string MeterName = "Migration.Facade";

    private readonly Counter<long> _requests;
    private readonly Counter<long> _errors;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _fallbacks;
    private readonly Counter<long> _shadow;

    public SliceMeters(IMeterFactory factory)
    {
        var meter = factory.Create(MeterName);
        _requests = meter.CreateCounter<long>("strangler.slice.requests", description: "Requests of a slice answered by a side");
        _errors = meter.CreateCounter<long>("strangler.slice.errors", description: "5xx answers and proxy errors of a side");
        _duration = meter.CreateHistogram<double>("strangler.slice.duration", "ms", "Time to answer, per side",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000] });
        _fallbacks = meter.CreateCounter<long>("strangler.slice.fallbacks", description: "Requests the monolith answered after the extracted side failed");
        _shadow = meter.CreateCounter<long>("strangler.shadow.results", description: "Shadow comparisons by result (match, difference, skipped reasons)");
    }

    public void Recorded(string slice, string side, bool error, double? milliseconds)
    {
        var tags = new TagList { { "slice", slice }, { "side", side } };
        _requests.Add(1, tags);
        if (error) _errors.Add(1, tags);
        if (milliseconds is { } ms) _duration.Record(ms, tags);
    }

    public void FellBack(string slice, string reason) =>
        _fallbacks.Add(1, new TagList { { "slice", slice }, { "reason", reason } });

    public void Shadowed(string slice, string result) =>
        _shadow.Add(1, new TagList { { "slice", slice }, { "result", result } });
}
