using Migration.Facade.Metrics;

namespace Migration.Facade.Tests.Metrics;

public sealed class RollingWindowTests
{
    [Fact]
    public void Counts_errors_and_reads_percentiles_from_the_buckets()
    {
        var window = new RollingWindow(60);
        for (var i = 1; i <= 100; i++) window.Record(1000, error: i > 90, milliseconds: i);

        var stats = window.Read(1000, 10);

        Assert.Equal((100, 10, 0.1), (stats.Requests, stats.Errors, stats.ErrorRate));
        // A percentile is the upper bound of its bucket: at most one bucket (25%) above the true value.
        Assert.InRange(stats.P95Ms!.Value, 95, 95 * 1.25);
        Assert.InRange(stats.P99Ms!.Value, 99, 99 * 1.25);
    }

    [Fact]
    public void Seconds_outside_the_window_do_not_count_and_old_slots_are_reused()
    {
        var window = new RollingWindow(10);
        window.Record(100, error: true, milliseconds: 5);
        window.Record(105, error: false, milliseconds: 5);

        Assert.Equal(2, window.Read(105, 10).Requests);
        Assert.Equal(1, window.Read(105, 3).Requests);

        window.Record(110, error: false, milliseconds: 5); // same slot as second 100
        var later = window.Read(110, 10);
        Assert.Equal((2, 0), (later.Requests, later.Errors));
    }

    [Fact]
    public void An_empty_window_has_no_percentiles()
    {
        var stats = new RollingWindow(10).Read(50, 10);
        Assert.Equal((0, 0.0, null, null), (stats.Requests, stats.ErrorRate, stats.P95Ms, stats.P99Ms));
    }
}
