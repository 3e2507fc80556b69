using Migration.Messaging.Backfill;
using Migration.Facade.Contracts;

namespace Migration.Messaging.Tests.Backfill;

public sealed class BackfillProgressTrackerTests
{
    [Fact]
    public void Starts_idle_for_its_service()
    {
        var current = new BackfillProgressTracker("catalog", TimeProvider.System).Current;

        Assert.Equal(("catalog", BackfillProgressDto.Idle, null), (current.Service, current.Status, current.StartedAt));
    }

    [Fact]
    public void Only_one_run_at_a_time()
    {
        var tracker = new BackfillProgressTracker("catalog", TimeProvider.System);

        Assert.True(tracker.TryStart(out var first));
        Assert.False(tracker.TryStart(out var second));
        Assert.Equal(BackfillProgressDto.Running, first.Status);
        Assert.Equal(first, second);
    }

    [Fact]
    public void A_finished_run_can_be_followed_by_a_new_one_with_fresh_counters()
    {
        var tracker = new BackfillProgressTracker("catalog", TimeProvider.System);
        tracker.TryStart(out _);
        tracker.Report(2, 2, 150, 150);
        tracker.Fail("boom");
        Assert.Equal((BackfillProgressDto.Failed, "boom"), (tracker.Current.Status, tracker.Current.Error));

        Assert.True(tracker.TryStart(out var next));

        Assert.Equal((BackfillProgressDto.Running, 0, 0, null), (next.Status, next.PagesDone, next.ItemsCopied, next.Error));
    }
}
