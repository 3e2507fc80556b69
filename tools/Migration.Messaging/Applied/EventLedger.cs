using Microsoft.EntityFrameworkCore;
using Migration.Messaging.Events;

namespace Migration.Messaging.Applied;

/// <summary>How many events a consumer applied, found applied already (redeliveries, late arrivals), or ignored as its own.</summary>
public sealed record LedgerCounts(long Applied, long AlreadyApplied, long Echoes);

/// <summary>The outcome of offering an event to a consumer's ledger.</summary>
public enum LedgerVerdict
{
    /// <summary>Newer than anything applied: apply it (the ledger row is already updated, save with the change).</summary>
    Apply,

    /// <summary>This version or a newer one was applied already (a redelivery, a duplicate, or a late arrival).</summary>
    AlreadyApplied,

    /// <summary>The consumer's own change coming back: two-way sync never echoes.</summary>
    OwnEcho,
}

/// <summary>
/// Decides whether a consumer applies an event, and records it when it does. Callers save the ledger row in the same
/// <see cref="DbContext.SaveChangesAsync(CancellationToken)"/> as the change, so "applied" and "changed" cannot drift.
/// </summary>
public sealed class EventLedger(TimeProvider clock)
{
    private long _applied;
    private long _alreadyApplied;
    private long _echoes;

    /// <summary>Verdicts since this process started (an event whose save then failed is counted when it is retried).</summary>
    public LedgerCounts Counts => new(Interlocked.Read(ref _applied), Interlocked.Read(ref _alreadyApplied), Interlocked.Read(ref _echoes));

    public async Task<LedgerVerdict> OfferAsync(DbContext db, IIntegrationEvent @event, EventOrigin self, CancellationToken cancellationToken)
    {
        if (@event.Origin == self)
        {
            Interlocked.Increment(ref _echoes);
            return LedgerVerdict.OwnEcho;
        }
        return await AdvanceAsync(db, @event.Stream, @event.AggregateId, @event.Version, @event.EventId, @event.OccurredAt, cancellationToken)
            ? LedgerVerdict.Apply
            : LedgerVerdict.AlreadyApplied;
    }

    /// <summary>
    /// Records a change this side made itself and publishes as <paramref name="own"/>: where both sides write (a
    /// canary), the ledger then holds the newest version this side has from either, so the other side's event of
    /// that version is found applied already rather than applied twice.
    /// </summary>
    public Task RecordOwnAsync(DbContext db, IIntegrationEvent own, CancellationToken cancellationToken) =>
        AdvanceAsync(db, own.Stream, own.AggregateId, own.Version, own.EventId, own.OccurredAt, cancellationToken);

    /// <summary>
    /// What a side that writes does with each change: records it as its own, and commits what is pending with the event in
    /// the outbox (SaveChangesAndFlushMessagesAsync commits an open transaction).
    /// </summary>
    public async Task PublishOwnAsync<TDb>(Wolverine.EntityFrameworkCore.IDbContextOutbox<TDb> outbox, IIntegrationEvent own, CancellationToken cancellationToken)
        where TDb : DbContext
    {
        await RecordOwnAsync(outbox.DbContext, own, cancellationToken);
        await outbox.PublishAsync(own);
        await outbox.SaveChangesAndFlushMessagesAsync(cancellationToken);
    }

    /// <summary>
    /// The whole of applying an event: offers it and, when it is new, runs <paramref name="apply"/> and saves the change
    /// together with the ledger row (one SaveChanges, inside the caller's transaction if it opened one), then counts the
    /// verdict. What every consumer does with every event.
    /// </summary>
    public async Task<LedgerVerdict> ApplyAsync(
        DbContext db, IIntegrationEvent @event, EventOrigin self, Func<Task> apply, CancellationToken cancellationToken)
    {
        var verdict = await OfferAsync(db, @event, self, cancellationToken);
        if (verdict == LedgerVerdict.Apply)
        {
            await apply();
            await db.SaveChangesAsync(cancellationToken);
        }
        Saved(verdict);
        return verdict;
    }

    /// <summary>Called once the change an <see cref="LedgerVerdict.Apply"/> allowed is saved.</summary>
    public void Saved(LedgerVerdict verdict)
    {
        switch (verdict)
        {
            case LedgerVerdict.Apply:
                Interlocked.Increment(ref _applied);
                break;
            case LedgerVerdict.AlreadyApplied:
                Interlocked.Increment(ref _alreadyApplied);
                break;
        }
    }

    /// <summary>
    /// Records a state copied by a backfill at a known version; false when an event already brought a newer one, in
    /// which case the copy must not be written. A copy of the version the ledger has is written again: it is the owner's
    /// state of that version, so it repairs a copy that drifted (what verify found) and changes nothing otherwise.
    /// </summary>
    public Task<bool> OfferSnapshotAsync(
        DbContext db, string stream, int aggregateId, long version, DateTimeOffset changedAt, CancellationToken cancellationToken) =>
        AdvanceAsync(db, stream, aggregateId, version, Guid.Empty, changedAt, cancellationToken, sameVersionApplies: true);

    private async Task<bool> AdvanceAsync(
        DbContext db, string stream, int aggregateId, long version, Guid eventId, DateTimeOffset occurredAt,
        CancellationToken cancellationToken, bool sameVersionApplies = false)
    {
        var set = db.Set<AppliedEvent>();
        var applied = await set.FindAsync([stream, aggregateId], cancellationToken);
        if (applied is not null && (applied.Version > version || (applied.Version == version && !sameVersionApplies)))
        {
            return false;
        }
        if (applied is null)
        {
            applied = new AppliedEvent { Stream = stream, AggregateId = aggregateId };
            set.Add(applied);
        }
        applied.Version = version;
        applied.EventId = eventId;
        applied.OccurredAt = occurredAt;
        applied.AppliedAt = clock.GetUtcNow();
        return true;
    }
}
