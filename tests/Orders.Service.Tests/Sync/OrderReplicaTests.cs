using Microsoft.EntityFrameworkCore;
using Migration.Messaging.Applied;
using Migration.Messaging.Events;
using Orders.Service.Data;
using Orders.Service.Sync;
using Orders.Service.Tests.Infrastructure;

namespace Orders.Service.Tests.Sync;

/// <summary>The monolith's order events, applied through the handlers Wolverine calls.</summary>
public sealed class OrderReplicaTests : IDisposable
{
    private static readonly DateTimeOffset PlacedAt = new(2026, 11, 30, 9, 15, 0, 123, TimeSpan.Zero);
    private static readonly DateTimeOffset CancelledAt = PlacedAt.AddHours(2);
    private readonly TestDatabase _database = new();

    [Fact]
    public async Task The_monoliths_order_is_created_under_its_own_id_with_its_lines_in_their_order()
    {
        var placed = Placed(42);

        Assert.Equal(LedgerVerdict.Apply, await ApplyAsync(placed));

        await using var db = await _database.OpenAsync();
        var order = await db.Orders.Include(o => o.Lines).AsNoTracking().SingleAsync();
        Assert.Equal((42, 7, OrderStatus.Placed, 2250L, 1L, PlacedAt.UtcDateTime, PlacedAt.UtcDateTime, (Guid?)null),
            (order.Id, order.CustomerId, order.Status, order.TotalCents, order.Version, order.PlacedAt, order.ChangedAt, order.ReservationId));
        Assert.Equal([(3, "Cookbook", 1250L, 1), (1, "Blue Mug", 500L, 2)],
            order.Lines.OrderBy(l => l.Id).Select(l => (l.ProductId, l.ProductName, l.UnitPriceCents, l.Quantity)));
        var applied = await db.Set<AppliedEvent>().AsNoTracking().SingleAsync();
        Assert.Equal((Streams.Order, 42, 1L, placed.EventId), (applied.Stream, applied.AggregateId, applied.Version, applied.EventId));
    }

    [Fact]
    public async Task A_redelivery_or_an_older_version_is_skipped()
    {
        var placed = Placed(43);
        await ApplyAsync(placed);
        await ApplyAsync(Cancelled(43, 2));

        Assert.Equal(LedgerVerdict.AlreadyApplied, await ApplyAsync(placed));
        Assert.Equal(LedgerVerdict.AlreadyApplied, await ApplyAsync(placed with { EventId = Guid.NewGuid(), TotalCents = 1 }));
        Assert.Equal(LedgerVerdict.AlreadyApplied, await ApplyAsync(Cancelled(43, 2)));

        await using var db = await _database.OpenAsync();
        var order = await db.Orders.Include(o => o.Lines).AsNoTracking().SingleAsync();
        Assert.Equal((OrderStatus.Cancelled, 2L, 2250L, 2), (order.Status, order.Version, order.TotalCents, order.Lines.Count));
    }

    [Fact]
    public async Task A_cancellation_after_the_place_sets_the_status_version_and_time_of_the_event()
    {
        await ApplyAsync(Placed(44));

        Assert.Equal(LedgerVerdict.Apply, await ApplyAsync(Cancelled(44, 2)));

        await using var db = await _database.OpenAsync();
        var order = await db.Orders.AsNoTracking().SingleAsync();
        Assert.Equal((OrderStatus.Cancelled, 2L, CancelledAt.UtcDateTime, PlacedAt.UtcDateTime),
            (order.Status, order.Version, order.ChangedAt, order.PlacedAt));
        Assert.Equal(2L, (await db.Set<AppliedEvent>().AsNoTracking().SingleAsync()).Version);
    }

    [Fact]
    public async Task A_cancellation_of_an_order_not_here_yet_waits_and_leaves_no_trace_in_the_ledger()
    {
        await Assert.ThrowsAsync<NotYetApplicableException>(() => ApplyAsync(Cancelled(45, 2)));

        await using var db = await _database.OpenAsync();
        Assert.Equal(0, await db.Set<AppliedEvent>().CountAsync());
        // Once the order arrives (its place, say from the backfill), the retried cancellation applies.
        await ApplyAsync(Placed(45));
        Assert.Equal(LedgerVerdict.Apply, await ApplyAsync(Cancelled(45, 2)));
    }

    [Fact]
    public async Task The_services_own_events_coming_back_are_ignored()
    {
        Assert.Equal(LedgerVerdict.OwnEcho, await ApplyAsync(Placed(1_000_000_000) with { Origin = EventOrigin.Orders }));
        await ApplyAsync(Placed(46));
        Assert.Equal(LedgerVerdict.OwnEcho, await ApplyAsync(Cancelled(46, 2) with { Origin = EventOrigin.Orders }));

        await using var db = await _database.OpenAsync();
        Assert.Equal([(46, OrderStatus.Placed)], await db.Orders.Select(o => ValueTuple.Create(o.Id, o.Status)).ToListAsync());
        Assert.Equal([46], await db.Set<AppliedEvent>().Select(a => a.AggregateId).ToListAsync());
    }

    private static OrderPlaced Placed(int id) => new(
        Guid.NewGuid(), id, 1, PlacedAt, EventOrigin.Monolith, 7, PlacedAt, 2250,
        [new OrderLineState(3, "Cookbook", 1250, 1), new OrderLineState(1, "Blue Mug", 500, 2)], null);

    private static OrderCancelled Cancelled(int id, long version) => new(Guid.NewGuid(), id, version, CancelledAt, EventOrigin.Monolith, 7);

    // A context per event, as Wolverine scopes one per message; the verdict read from the ledger's counts.
    private async Task<LedgerVerdict> ApplyAsync(IIntegrationEvent @event)
    {
        await using var db = await _database.OpenAsync();
        var ledger = new EventLedger(TimeProvider.System);
        var replica = new OrderReplica(db, ledger);
        await (@event switch
        {
            OrderPlaced e => OrderEventsHandler.Handle(e, replica, CancellationToken.None),
            OrderCancelled e => OrderEventsHandler.Handle(e, replica, CancellationToken.None),
            _ => throw new ArgumentException($"not an order event: {@event.GetType().Name}"),
        });
        var counts = ledger.Counts;
        return counts.Applied == 1 ? LedgerVerdict.Apply : counts.AlreadyApplied == 1 ? LedgerVerdict.AlreadyApplied : LedgerVerdict.OwnEcho;
    }

    public void Dispose() => _database.Dispose();
}
