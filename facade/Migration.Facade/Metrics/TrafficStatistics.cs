using System.Collections.Concurrent;
using Migration.Facade.Contracts;

namespace Migration.Facade.Metrics;

/// <summary>Per slice and side: the rolling windows the SLO guard and the status view read, plus fallback totals.</summary>
internal sealed class TrafficStatistics(TimeProvider clock, SliceMeters meters)
{
    private readonly ConcurrentDictionary<string, SliceTraffic> _slices = new(StringComparer.Ordinal);

    public void Record(string slice, string side, bool error, double? milliseconds)
    {
        var traffic = For(slice);
        (side == Sides.Extracted ? traffic.Extracted : traffic.Legacy).Record(NowSecond(), error, milliseconds);
        meters.Recorded(slice, side, error, milliseconds);
    }

    public void RecordFallback(string slice, string reason)
    {
        Interlocked.Increment(ref For(slice).Fallbacks);
        meters.FellBack(slice, reason);
    }

    public (SideStatsDto Legacy, SideStatsDto Extracted, long Fallbacks) Read(string slice, int windowSeconds)
    {
        var traffic = For(slice);
        var now = NowSecond();
        return (traffic.Legacy.Read(now, windowSeconds), traffic.Extracted.Read(now, windowSeconds), Volatile.Read(ref traffic.Fallbacks));
    }

    /// <summary>
    /// How many whole seconds of the last <paramref name="windowSeconds"/> lie after <paramref name="since"/>: the
    /// second in which it happened is left out, since it may hold requests from before (windows count whole seconds).
    /// </summary>
    public int SecondsSince(DateTimeOffset since, int windowSeconds) =>
        (int)Math.Clamp(NowSecond() - since.ToUnixTimeSeconds(), 0, windowSeconds);

    private SliceTraffic For(string slice) => _slices.GetOrAdd(slice, static _ => new SliceTraffic());

    private long NowSecond() => clock.GetUtcNow().ToUnixTimeSeconds();

    private sealed class SliceTraffic
    {
        public readonly RollingWindow Legacy = new();
        public readonly RollingWindow Extracted = new();
        public long Fallbacks;
    }
}
