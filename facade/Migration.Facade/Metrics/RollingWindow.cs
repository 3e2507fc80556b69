using Migration.Facade.Contracts;

namespace Migration.Facade.Metrics;

/// <summary>
/// Requests, errors and a latency histogram per second for the last <see cref="Seconds"/> seconds of one side of
/// one slice. A lock per window keeps it simple and exact; it is held for a few array writes.
/// </summary>
internal sealed class RollingWindow(int seconds = RollingWindow.DefaultSeconds)
{
    public const int DefaultSeconds = 300;

    private readonly long[] _second = new long[seconds];
    private readonly long[] _requests = new long[seconds];
    private readonly long[] _errors = new long[seconds];
    private readonly long[] _latency = new long[seconds * LatencyBuckets.Count];
    private readonly Lock _lock = new();

    public int Seconds => seconds;

    public void Record(long nowSecond, bool error, double milliseconds)
    {
        var slot = (int)(nowSecond % seconds);
        var bucket = LatencyBuckets.IndexOf(milliseconds);
        lock (_lock)
        {
            if (_second[slot] != nowSecond)
            {
                _second[slot] = nowSecond;
                _requests[slot] = 0;
                _errors[slot] = 0;
                Array.Clear(_latency, slot * LatencyBuckets.Count, LatencyBuckets.Count);
            }
            _requests[slot]++;
            if (error) _errors[slot]++;
            _latency[slot * LatencyBuckets.Count + bucket]++;
        }
    }

    /// <summary>Totals over the <paramref name="window"/> seconds up to and including <paramref name="nowSecond"/>.</summary>
    public SideStatsDto Read(long nowSecond, int window)
    {
        window = Math.Clamp(window, 1, seconds);
        Span<long> histogram = stackalloc long[LatencyBuckets.Count];
        long requests = 0, errors = 0;
        lock (_lock)
        {
            for (var s = nowSecond - window + 1; s <= nowSecond; s++)
            {
                var slot = (int)(((s % seconds) + seconds) % seconds);
                if (_second[slot] != s) continue;
                requests += _requests[slot];
                errors += _errors[slot];
                var offset = slot * LatencyBuckets.Count;
                for (var b = 0; b < LatencyBuckets.Count; b++) histogram[b] += _latency[offset + b];
            }
        }
        return new SideStatsDto(requests, errors, requests == 0 ? 0 : (double)errors / requests,
            LatencyBuckets.Percentile(histogram, 0.95), LatencyBuckets.Percentile(histogram, 0.99));
    }
}
