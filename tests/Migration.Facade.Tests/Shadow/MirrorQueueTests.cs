using Migration.Facade.Shadow;
using Yarp.ReverseProxy.Model;

namespace Migration.Facade.Tests.Shadow;

public sealed class MirrorQueueTests
{
    private static ShadowJob Job(string path) => new("s", new ShadowOptions(), "GET", path, QueryString.Empty, [], null, 200, [],
        [], new ClusterState("catalog"), new ClusterState("legacy"), DateTimeOffset.UnixEpoch);

    [Fact]
    public void A_full_queue_refuses_at_once_and_takes_again_once_a_job_was_read()
    {
        var queue = new MirrorQueue(2);

        Assert.Equal([true, true, false], new[] { queue.TryWrite(Job("/1")), queue.TryWrite(Job("/2")), queue.TryWrite(Job("/3")) });
        Assert.True(queue.IsFull);
        Assert.True(queue.TryRead(out var first));
        Assert.Equal(("/1", 1, false), (first.Path.Value, queue.Count, queue.IsFull));
        Assert.True(queue.TryWrite(Job("/4")));
    }

    [Fact]
    public async Task A_waiting_reader_wakes_for_a_job_written_later_and_stops_once_completed_and_empty()
    {
        var queue = new MirrorQueue(10);
        var read = new List<string>();
        var reader = Task.Run(() =>
        {
            while (queue.WaitToRead(CancellationToken.None))
            {
                while (queue.TryRead(out var job)) read.Add(job.Path.Value!);
            }
        });

        await Task.Delay(50);
        queue.TryWrite(Job("/late"));
        queue.Complete();
        await reader.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(["/late"], read);
    }

    [Fact]
    public async Task A_waiting_reader_stops_when_cancelled()
    {
        var queue = new MirrorQueue(10);
        using var stopping = new CancellationTokenSource();
        var reader = Task.Run(() => queue.WaitToRead(stopping.Token));

        await stopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reader.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void The_queue_is_also_full_when_its_jobs_hold_its_bytes()
    {
        var queue = new MirrorQueue(100, capacityBytes: 1000);
        ShadowJob Big(string path) => Job(path) with { LegacyBody = new byte[600] };

        Assert.Equal([true, false], new[] { queue.TryWrite(Big("/1")), queue.TryWrite(Big("/2")) });
        Assert.Equal((1, 600L), (queue.Count, queue.Bytes));
        Assert.True(queue.TryRead(out _));
        Assert.Equal(0L, queue.Bytes);
        Assert.True(queue.TryWrite(Big("/3")));
    }
}
