using Migration.Facade.Contracts;

namespace Migration.Facade.Metrics;

/// <summary>
/// Requests, errors and a latency histogram per second for the last <see cref="Seconds"/> seconds of one side of
/// one slice. Lock-free: a request is three interlocked increments. The first request of a new second claims its
/// slot (compare-and-swap on the slot's second) and clears it; requests of that second wait the few writes this takes.
/// </summary>
internal sealed class RollingWindow(int seconds = RollingWindow.DefaultSeconds)
{
    public const int DefaultSeconds = 300;

    // A slot being cleared; never a real second (windows read at most DefaultSeconds back from a Unix time).
    private const long Clearing = long.MinValue;

    private readonly long[] _second = new long[seconds];
    private readonly long[] _requests = new long[seconds];
    private readonly long[] _errors = new long[seconds];
    private readonly long[] _latency = new long[seconds * LatencyBuckets.Count];

    public int Seconds => seconds;

    /// <summary>One request; <paramref name="milliseconds"/> is null when nothing answered (no latency to count).</summary>
    public void Record(long nowSecond, bool error, double? milliseconds)
    {
        var slot = (int)(((nowSecond % seconds) + seconds) % seconds);
        if (!Claim(slot, nowSecond)) return;
        // Requests first, errors after: a reader that takes errors before requests never sees more errors than requests.
        Interlocked.Increment(ref _requests[slot]);
        if (error) Interlocked.Increment(ref _errors[slot]);
        if (milliseconds is { } ms) Interlocked.Increment(ref _latency[slot * LatencyBuckets.Count + LatencyBuckets.IndexOf(ms)]);
    }

    /// <summary>Totals over the <paramref name="window"/> seconds up to and including <paramref name="nowSecond"/>.</summary>
    public SideStatsDto Read(long nowSecond, int window)
    {
        window = Math.Clamp(window, 1, seconds);
        Span<long> histogram = stackalloc long[LatencyBuckets.Count];
        Span<long> slotHistogram = stackalloc long[LatencyBuckets.Count];
        long requests = 0, errors = 0;
        for (var s = nowSecond - window + 1; s <= nowSecond; s++)
        {
            var slot = (int)(((s % seconds) + seconds) % seconds);
            if (Volatile.Read(ref _second[slot]) != s) continue;
            var slotErrors = Volatile.Read(ref _errors[slot]);
            var slotRequests = Volatile.Read(ref _requests[slot]);
            var offset = slot * LatencyBuckets.Count;
            for (var b = 0; b < LatencyBuckets.Count; b++) slotHistogram[b] = Volatile.Read(ref _latency[offset + b]);
            // Reused for a newer second while being read: its figures belong to that second, not to this window.
            if (Volatile.Read(ref _second[slot]) != s) continue;
            requests += slotRequests;
            errors += slotErrors;
            for (var b = 0; b < LatencyBuckets.Count; b++) histogram[b] += slotHistogram[b];
        }
        return new SideStatsDto(requests, errors, requests == 0 ? 0 : (double)errors / requests,
            LatencyBuckets.Percentile(histogram, 0.95), LatencyBuckets.Percentile(histogram, 0.99));
    }

    /// <summary>Makes the slot hold <paramref name="nowSecond"/>; false when it already holds a later second.</summary>
    private bool Claim(int slot, long nowSecond)
    {
        var spinner = new SpinWait();
        while (true)
        {
            var held = Volatile.Read(ref _second[slot]);
            if (held == nowSecond) return true;
            if (held == Clearing)
            {
                spinner.SpinOnce();
                continue;
            }
            // A request that read the clock long ago, after its slot moved on: too late to count anywhere.
            if (held > nowSecond) return false;
            if (Interlocked.CompareExchange(ref _second[slot], Clearing, held) != held) continue;
            Volatile.Write(ref _requests[slot], 0);
            Volatile.Write(ref _errors[slot], 0);
            Array.Clear(_latency, slot * LatencyBuckets.Count, LatencyBuckets.Count);
            Volatile.Write(ref _second[slot], nowSecond);
            return true;
        }
    }
}
