namespace Migration.Facade.Metrics;

/// <summary>
/// Fixed log-scale latency buckets (0.25 ms to about 2 minutes, 25% apart), shared by every window so that
/// recording is one binary search and percentiles are read from counts. Error of a percentile: one bucket (≤ 25%).
/// </summary>
internal static class LatencyBuckets
{
    public static readonly double[] UpperBoundsMs = Build();

    public static int Count => UpperBoundsMs.Length + 1;

    public static int IndexOf(double milliseconds)
    {
        var index = Array.BinarySearch(UpperBoundsMs, milliseconds);
        return index >= 0 ? index : ~index;
    }

    /// <summary>The upper bound of the bucket that holds the <paramref name="quantile"/> of the counts.</summary>
    public static double? Percentile(ReadOnlySpan<long> counts, double quantile)
    {
        long total = 0;
        foreach (var c in counts) total += c;
        if (total == 0) return null;
        var rank = (long)Math.Ceiling(quantile * total);
        long seen = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            seen += counts[i];
            if (seen >= rank) return i < UpperBoundsMs.Length ? UpperBoundsMs[i] : double.PositiveInfinity;
        }
        return double.PositiveInfinity;
    }

    private static double[] Build()
    {
        var bounds = new List<double>();
        for (var b = 0.25; b < 120_000; b *= 1.25) bounds.Add(Math.Round(b, 3));
        return [.. bounds];
    }
}
