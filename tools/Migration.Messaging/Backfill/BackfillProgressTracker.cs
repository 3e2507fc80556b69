using Migration.Facade.Contracts;

namespace Migration.Messaging.Backfill;

/// <summary>The one place that knows whether a run is going and how far it got; safe across threads.</summary>
public sealed class BackfillProgressTracker(string service, TimeProvider time)
{
    private readonly Lock _gate = new();
    private BackfillProgressDto _current = new(service, BackfillProgressDto.Idle, 0, 0, 0, 0, null, null, null);

    public BackfillProgressDto Current
    {
        get { lock (_gate) return _current; }
    }

    /// <summary>Claims the single run slot; false (with the running state) when a run is already going.</summary>
    public bool TryStart(out BackfillProgressDto progress)
    {
        lock (_gate)
        {
            if (_current.Status == BackfillProgressDto.Running)
            {
                progress = _current;
                return false;
            }
            _current = new(service, BackfillProgressDto.Running, 0, 0, 0, 0, time.GetUtcNow(), null, null);
            progress = _current;
            return true;
        }
    }

    public void Report(int pagesDone, int totalPages, int itemsCopied, int totalItems) =>
        Update(p => p with { PagesDone = pagesDone, TotalPages = totalPages, ItemsCopied = itemsCopied, TotalItems = totalItems });

    public void Complete() => Update(p => p with { Status = BackfillProgressDto.Completed, FinishedAt = time.GetUtcNow() });

    public void Fail(string error) =>
        Update(p => p with { Status = BackfillProgressDto.Failed, FinishedAt = time.GetUtcNow(), Error = error });

    private void Update(Func<BackfillProgressDto, BackfillProgressDto> change)
    {
        lock (_gate) _current = change(_current);
    }
}
