using System.Collections.Concurrent;

namespace Migration.Facade.Shadow;

/// <summary>
/// The bounded hand-off from users' requests to the mirror threads. No locks: the mirror threads run at the lowest OS
/// priority, and one preempted while holding a lock the requests also take (a bounded Channel takes one for every
/// read, write and count) would stall those requests until the scheduler let it run again.
/// </summary>
internal sealed class MirrorQueue(int capacity, long capacityBytes = long.MaxValue)
{
    // Mirrors are background work: a job may wait this long for an idle thread to look again.
    private static readonly TimeSpan LongestNap = TimeSpan.FromMilliseconds(100);

    private readonly ConcurrentQueue<ShadowJob> _jobs = new();
    private int _count;
    private long _bytes;
    private volatile bool _completed;

    public int Count => Volatile.Read(ref _count);

    /// <summary>The bodies the queued jobs hold (the request's and the monolith's answer).</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    public bool IsFull => Count >= capacity || Bytes >= capacityBytes;

    /// <summary>False, at once, when the queue already holds its capacity in jobs or in bytes.</summary>
    public bool TryWrite(ShadowJob job)
    {
        if (Interlocked.Increment(ref _count) > capacity)
        {
            Interlocked.Decrement(ref _count);
            return false;
        }
        var size = job.Bytes;
        if (Interlocked.Add(ref _bytes, size) > capacityBytes)
        {
            Interlocked.Add(ref _bytes, -size);
            Interlocked.Decrement(ref _count);
            return false;
        }
        _jobs.Enqueue(job);
        return true;
    }

    public bool TryRead(out ShadowJob job)
    {
        if (!_jobs.TryDequeue(out job!)) return false;
        Interlocked.Add(ref _bytes, -job.Bytes);
        Interlocked.Decrement(ref _count);
        return true;
    }

    /// <summary>No more jobs will come; readers stop once the queue is empty.</summary>
    public void Complete() => _completed = true;

    /// <summary>
    /// Blocks until a job can be read (true) or the queue is completed and empty (false). Polls, napping longer the
    /// longer it stays empty: a writer that had to wake a reader would need the kind of lock this avoids.
    /// </summary>
    public bool WaitToRead(CancellationToken cancellationToken)
    {
        var nap = TimeSpan.FromMilliseconds(1);
        while (true)
        {
            var completed = _completed;
            if (!_jobs.IsEmpty) return true;
            if (completed) return false;
            if (cancellationToken.WaitHandle.WaitOne(nap)) cancellationToken.ThrowIfCancellationRequested();
            nap = TimeSpan.FromTicks(Math.Min(nap.Ticks * 2, LongestNap.Ticks));
        }
    }
}
