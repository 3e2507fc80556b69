using Migration.Messaging.Applied;
using Migration.Messaging.Events;

namespace Migration.Messaging.Tests.Applied;

public sealed class EventLedgerTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly (Microsoft.Data.Sqlite.SqliteConnection Connection, Func<LedgerDb> Open) _db = LedgerDb.Create();
    private readonly EventLedger _ledger = new(TimeProvider.System);

    private static PriceChanged Price(int id, long version, EventOrigin origin = EventOrigin.Monolith) =>
        new(Guid.NewGuid(), id, version, At, origin, 100, new ProductState("p", "", 200, 1));

    private async Task<LedgerVerdict> OfferAndSaveAsync(IIntegrationEvent e)
    {
        await using var db = _db.Open();
        var verdict = await _ledger.OfferAsync(db, e, EventOrigin.Catalog, CancellationToken.None);
        await db.SaveChangesAsync();
        _ledger.Saved(verdict);
        return verdict;
    }

    [Fact]
    public async Task Newer_versions_apply_and_equal_or_older_ones_do_not_per_aggregate()
    {
        Assert.Equal(LedgerVerdict.Apply, await OfferAndSaveAsync(Price(1, 2)));
        Assert.Equal(LedgerVerdict.AlreadyApplied, await OfferAndSaveAsync(Price(1, 2)));
        Assert.Equal(LedgerVerdict.AlreadyApplied, await OfferAndSaveAsync(Price(1, 1)));
        Assert.Equal(LedgerVerdict.Apply, await OfferAndSaveAsync(Price(2, 1)));
        Assert.Equal(LedgerVerdict.Apply, await OfferAndSaveAsync(Price(1, 3)));

        Assert.Equal(new LedgerCounts(3, 2, 0), _ledger.Counts);
    }

    [Fact]
    public async Task Versions_are_counted_per_kind_of_aggregate()
    {
        await OfferAndSaveAsync(Price(5, 4));

        var category = new CategoryChanged(Guid.NewGuid(), 5, 1, At, EventOrigin.Monolith, "c", "C");

        Assert.Equal(LedgerVerdict.Apply, await OfferAndSaveAsync(category));
    }

    [Fact]
    public async Task The_consumers_own_events_are_echoes_and_leave_the_ledger_alone()
    {
        Assert.Equal(LedgerVerdict.OwnEcho, await OfferAndSaveAsync(Price(3, 9, EventOrigin.Catalog)));
        Assert.Equal(LedgerVerdict.Apply, await OfferAndSaveAsync(Price(3, 1)));
        Assert.Equal(1, _ledger.Counts.Echoes);
    }

    [Fact]
    public async Task A_snapshot_loses_to_a_newer_event_and_rewrites_the_same_version_so_a_backfill_repairs_drift()
    {
        await OfferAndSaveAsync(Price(7, 5));
        await using var db = _db.Open();

        Assert.False(await _ledger.OfferSnapshotAsync(db, Streams.Product, 7, 4, At, CancellationToken.None));
        Assert.True(await _ledger.OfferSnapshotAsync(db, Streams.Product, 7, 5, At, CancellationToken.None));
        Assert.True(await _ledger.OfferSnapshotAsync(db, Streams.Product, 7, 6, At, CancellationToken.None));
    }

    [Fact]
    public async Task Of_two_writers_that_read_the_same_version_the_one_writing_the_older_state_fails_and_must_retry()
    {
        await OfferAndSaveAsync(Price(8, 3));
        await using var backfill = _db.Open();
        await using var handler = _db.Open();
        Assert.True(await _ledger.OfferSnapshotAsync(backfill, Streams.Product, 8, 4, At, CancellationToken.None));
        Assert.Equal(LedgerVerdict.Apply, await _ledger.OfferAsync(handler, Price(8, 5), EventOrigin.Catalog, CancellationToken.None));

        await handler.SaveChangesAsync();

        await Assert.ThrowsAsync<Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException>(() => backfill.SaveChangesAsync());
        await using var check = _db.Open();
        Assert.Equal(5, (await check.Set<AppliedEvent>().FindAsync(Streams.Product, 8))!.Version);
    }

    public void Dispose() => _db.Connection.Dispose();
}
