using Migration.Facade.Contracts;

namespace Migration.Messaging.Backfill;

/// <summary>What one service's backfill does; the shared worker runs it off the request path (scoped).</summary>
public interface IBackfillRun
{
    /// <summary>Copies the owner's data, resuming after the last committed page, reporting to the tracker.</summary>
    Task RunAsync(CancellationToken cancellationToken);

    /// <summary>The last finished run this database remembers (null when none): kept across restarts.</summary>
    Task<BackfillProgressDto?> LastCompletedAsync(BackfillProgressDto idle, CancellationToken cancellationToken);
}
