using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Migration.Facade.Contracts;
using Migration.Facade.Flags;

namespace Migration.Facade.Shadow;

/// <summary>Shadow outcomes per slice since start (or the last reset), with the latest differing samples.</summary>
internal sealed class ShadowStatistics(IOptions<ShadowQueueOptions> options, IOptions<SliceSettingsOptions> slices)
{
    public const string Match = "match";
    public const string Difference = "difference";

    private readonly ConcurrentDictionary<string, SliceShadow> _slices = new(StringComparer.Ordinal);

    public void Compared(string slice, bool noiseOnly, ShadowDiffSampleDto? sample)
    {
        // Compared counts last: a reader that sees a comparison counted sees its sample and its outcome too (the mirror
        // threads run at the lowest priority and may be preempted between any two of these lines).
        var s = For(slice);
        if (sample is null)
        {
            Interlocked.Increment(ref s.Matches);
            if (noiseOnly) Interlocked.Increment(ref s.NoiseIgnored);
        }
        else
        {
            s.Samples.Enqueue(sample);
            while (s.Samples.Count > options.Value.SampleCount && s.Samples.TryDequeue(out _)) { }
            Interlocked.Increment(ref s.Differences);
        }
        Interlocked.Increment(ref s.Compared);
    }

    public void Skipped(string slice, string reason)
    {
        // Lock-free once a reason was seen (AddOrUpdate would take a lock that a preempted mirror thread could hold), and
        // no string built per call: on a saturated facade every shadowed request comes here.
        var counter = For(slice).Skipped.GetOrAdd(reason, static r => new SkipCounter("skipped-" + r));
        Interlocked.Increment(ref counter.Count);
    }

    public ShadowSummaryDto Summary(string slice)
    {
        var s = For(slice);
        var parity = Parity(s);
        var below = parity < slices.Value.For(slice).Shadow?.MinParityPercent;
        return new(s.Compared, s.Matches, s.Differences, s.Skipped.Values.Sum(c => Volatile.Read(ref c.Count)), parity, below);
    }

    public ShadowReportDto Report(string slice)
    {
        var s = For(slice);
        return new(slice, s.Compared, s.Matches, s.Differences, s.NoiseIgnored, Parity(s),
            s.Skipped.ToDictionary(k => k.Key, k => Volatile.Read(ref k.Value.Count)), s.Samples.Reverse().ToList());
    }

    /// <summary>Outcomes per slice and result (match, difference, skipped-&lt;reason&gt;), for the metrics.</summary>
    public IEnumerable<(string Slice, string Result, long Count)> Results()
    {
        foreach (var (slice, s) in _slices)
        {
            yield return (slice, Match, Volatile.Read(ref s.Matches));
            yield return (slice, Difference, Volatile.Read(ref s.Differences));
            foreach (var skipped in s.Skipped.Values) yield return (slice, skipped.Result, Volatile.Read(ref skipped.Count));
        }
    }

    public void Reset(string slice) => _slices.TryRemove(slice, out _);

    private static double? Parity(SliceShadow s) => s.Compared == 0 ? null : Math.Round(100.0 * s.Matches / s.Compared, 2);

    private SliceShadow For(string slice) => _slices.GetOrAdd(slice, static _ => new SliceShadow());

    private sealed class SliceShadow
    {
        public long Compared, Matches, Differences, NoiseIgnored;
        public readonly ConcurrentDictionary<string, SkipCounter> Skipped = new(StringComparer.Ordinal);
        public readonly ConcurrentQueue<ShadowDiffSampleDto> Samples = new();
    }

    /// <summary>One skip reason's count and its metric result tag.</summary>
    private sealed class SkipCounter(string result)
    {
        public long Count;
        public string Result { get; } = result;
    }
}
