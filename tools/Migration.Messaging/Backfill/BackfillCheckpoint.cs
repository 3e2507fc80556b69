using Migration.Facade.Contracts;

namespace Migration.Messaging.Backfill;

/// <summary>What every service's checkpoint row records of its last run (each keeps its own keyset position too).</summary>
public interface IBackfillCheckpoint
{
    int LastCompletedPage { get; }
    int TotalPages { get; }
    int ItemsCopied { get; }
    int TotalItems { get; }
    bool Completed { get; }
    DateTimeOffset UpdatedAt { get; }
}

public static class BackfillCheckpoints
{
    /// <summary>The finished run <paramref name="checkpoint"/> remembers, as progress; null when there is none.</summary>
    public static BackfillProgressDto? Completed(BackfillProgressDto idle, IBackfillCheckpoint? checkpoint) =>
        checkpoint is { Completed: true } last
            ? idle with
            {
                Status = BackfillProgressDto.Completed,
                PagesDone = last.LastCompletedPage, TotalPages = last.TotalPages, ItemsCopied = last.ItemsCopied, TotalItems = last.TotalItems,
                FinishedAt = last.UpdatedAt,
            }
            : null;
}
