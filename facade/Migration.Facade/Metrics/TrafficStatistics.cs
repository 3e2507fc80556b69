using System.Collections.Concurrent;
using Migration.Facade.Contracts;

namespace Migration.Facade.Metrics;

/// <summary>
/// Per slice and side: the rolling windows the SLO guard and the status view read, and the totals the control plane's
/// instruments observe (<see cref="SliceMeters"/>). A request is a few interlocked increments: nothing allocated, no tags.
/// </summary>
internal sealed class TrafficStatistics(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, SliceTraffic> _slices = new(StringComparer.Ordinal);

    public void Record(string slice, string side, bool error, double? milliseconds) =>
        For(slice).Side(side).Record(NowSecond(), error, milliseconds);

    public void RecordFallback(string slice, string reason)
    {
        var traffic = For(slice);
        Interlocked.Increment(ref traffic.Fallbacks);
        // Lock-free once a reason was seen (fallbacks are rare, and the reasons few).
        Interlocked.Increment(ref traffic.FallbackReasons.GetOrAdd(reason, static _ => new Total()).Count);
    }

    public (SideStatsDto Legacy, SideStatsDto Extracted, long Fallbacks) Read(string slice, int windowSeconds)
    {
        var traffic = For(slice);
        var now = NowSecond();
        return (traffic.Legacy.Window.Read(now, windowSeconds), traffic.Extracted.Window.Read(now, windowSeconds), Volatile.Read(ref traffic.Fallbacks));
    }

    /// <summary>
    /// How many whole seconds of the last <paramref name="windowSeconds"/> lie after <paramref name="since"/>: the
    /// second in which it happened is left out, since it may hold requests from before (windows count whole seconds).
    /// </summary>
    public int SecondsSince(DateTimeOffset since, int windowSeconds) =>
        (int)Math.Clamp(NowSecond() - since.ToUnixTimeSeconds(), 0, windowSeconds);

    /// <summary>Every slice and side seen since start: totals, and the rolling window's last <paramref name="windowSeconds"/> when asked.</summary>
    public IEnumerable<SideTotals> Totals(int windowSeconds = 0)
    {
        var now = NowSecond();
        foreach (var (slice, traffic) in _slices)
        {
            foreach (var side in new[] { traffic.Legacy, traffic.Extracted })
            {
                yield return new SideTotals(slice, side.Name, Volatile.Read(ref side.Requests), Volatile.Read(ref side.Errors),
                    windowSeconds > 0 ? side.Window.Read(now, windowSeconds) : null);
            }
        }
    }

    /// <summary>Fallbacks since start, per slice and reason.</summary>
    public IEnumerable<(string Slice, string Reason, long Count)> FallbackTotals() =>
        _slices.SelectMany(s => s.Value.FallbackReasons.Select(r => (s.Key, r.Key, Volatile.Read(ref r.Value.Count))));

    private SliceTraffic For(string slice) => _slices.GetOrAdd(slice, static _ => new SliceTraffic());

    private long NowSecond() => clock.GetUtcNow().ToUnixTimeSeconds();

    private sealed class SliceTraffic
    {
        public readonly SideTraffic Legacy = new(Sides.Legacy);
        public readonly SideTraffic Extracted = new(Sides.Extracted);
        public readonly ConcurrentDictionary<string, Total> FallbackReasons = new(StringComparer.Ordinal);
        public long Fallbacks;

        public SideTraffic Side(string side) => side == Sides.Extracted ? Extracted : Legacy;
    }

    private sealed class SideTraffic(string name)
    {
        public readonly RollingWindow Window = new();
        public readonly string Name = name;
        public long Requests;
        public long Errors;

        public void Record(long nowSecond, bool error, double? milliseconds)
        {
            Window.Record(nowSecond, error, milliseconds);
            Interlocked.Increment(ref Requests);
            if (error) Interlocked.Increment(ref Errors);
        }
    }

    private sealed class Total
    {
        public long Count;
    }
}
