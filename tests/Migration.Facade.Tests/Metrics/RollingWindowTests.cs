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

    [Fact]
    public void Concurrent_writers_lose_no_request_even_when_they_open_a_new_second_together()
    {
        const int threads = 4, perThread = 20_000;
        var window = new RollingWindow(10);
        window.Record(3, error: false, milliseconds: 1); // second 13 reuses this slot: every writer races to clear it
        using var start = new Barrier(threads);

        var writers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < perThread; i++) window.Record(13, error: i % 4 == 0, milliseconds: 1 + t);
        })).ToList();
        writers.ForEach(w => w.Start());
        writers.ForEach(w => w.Join());

        var stats = window.Read(13, 10);
        Assert.Equal((threads * perThread, threads * perThread / 4), (stats.Requests, stats.Errors));
        Assert.InRange(stats.P99Ms!.Value, 4, 4 * 1.25);
    }

    [Fact]
    public void A_request_that_arrives_after_its_slot_moved_on_is_dropped_not_counted_in_a_later_second()
    {
        var window = new RollingWindow(10);
        window.Record(25, error: false, milliseconds: 5);
        window.Record(15, error: true, milliseconds: 5); // same slot, ten seconds older

        var stats = window.Read(25, 10);
        Assert.Equal((1, 0), (stats.Requests, stats.Errors));
    }

    [Fact]
    public void A_request_nothing_answered_counts_without_a_latency()
    {
        var window = new RollingWindow(10);
        window.Record(7, error: false, milliseconds: 40);
        window.Record(7, error: true, milliseconds: null);
        window.Record(7, error: true, milliseconds: null);

        var stats = window.Read(7, 1);
        Assert.Equal((3, 2), (stats.Requests, stats.Errors));
        Assert.InRange(stats.P95Ms!.Value, 40, 40 * 1.25);
    }
}
