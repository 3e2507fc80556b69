using Microsoft.EntityFrameworkCore;
using Migration.Messaging.Applied;
using Migration.Messaging.Events;
using Migration.Messaging.Hosting;
using Wolverine.Runtime.Handlers;
using Orders.Service.Data;

namespace Orders.Service.Sync;

/// <summary>
/// Writes the monolith's orders into this service's database, from its events and from the backfill alike. The ledger
/// holds the newest version this service has of each order (its own writes included), so an event never applies twice,
/// an older state never overwrites a newer one, and this service's own events never come back (their origin).
/// </summary>
public sealed class OrderReplica
{
    private readonly OrdersDbContext _db;
    private readonly EventLedger _ledger;

    internal OrderReplica(OrdersDbContext db, EventLedger ledger) => (_db, _ledger) = (db, ledger);

    public Task<LedgerVerdict> ApplyAsync(OrderPlaced placed, CancellationToken cancellationToken) =>
        _ledger.ApplyAsync(_db, placed, EventOrigin.Orders, () => WriteAsync(placed.OrderId, new OrderState(
            placed.CustomerId, placed.PlacedAt.UtcDateTime, OrderStatus.Placed, placed.TotalCents, placed.Version, placed.OccurredAt.UtcDateTime,
            placed.Lines.Select(l => new LineState(l.ProductId, l.ProductName, l.UnitPriceCents, l.Quantity)).ToList()), cancellationToken),
            cancellationToken);

    public Task<LedgerVerdict> ApplyAsync(OrderCancelled cancelled, CancellationToken cancellationToken) =>
        _ledger.ApplyAsync(_db, cancelled, EventOrigin.Orders, async () =>
        {
            var order = await _db.Orders.FindAsync([cancelled.OrderId], cancellationToken)
                ?? throw new NotYetApplicableException($"Order {cancelled.OrderId} is not in Orders.Service yet (no backfill?).");
            order.Status = OrderStatus.Cancelled;
            order.Version = cancelled.Version;
            order.ChangedAt = cancelled.OccurredAt.UtcDateTime;
        }, cancellationToken);

    /// <summary>Writes a copied order unless an event already brought this version or a newer one (the caller saves).</summary>
    internal async Task<bool> OfferSnapshotAsync(int id, OrderState state, DateTimeOffset changedAt, CancellationToken cancellationToken)
    {
        if (!await _ledger.OfferSnapshotAsync(_db, Streams.Order, id, state.Version, changedAt, cancellationToken))
        {
            return false;
        }
        await WriteAsync(id, state, cancellationToken);
        return true;
    }

    private async Task WriteAsync(int id, OrderState state, CancellationToken cancellationToken)
    {
        var order = await _db.Orders.Include(o => o.Lines).SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (order is null)
        {
            order = new Order { Id = id };
            _db.Orders.Add(order);
        }
        (order.CustomerId, order.PlacedAt, order.Status, order.TotalCents, order.Version, order.ChangedAt) =
            (state.CustomerId, state.PlacedAt, state.Status, state.TotalCents, state.Version, state.ChangedAt);
        var same = order.Lines.OrderBy(l => l.Id).Select(l => new LineState(l.ProductId, l.ProductName, l.UnitPriceCents, l.Quantity))
            .SequenceEqual(state.Lines);
        if (!same)
        {
            // Lines never change after placing; a copy that differs (drift verify found) is replaced whole.
            _db.OrderLines.RemoveRange(order.Lines);
            order.Lines = state.Lines.Select(l => new OrderLine
            {
                ProductId = l.ProductId, ProductName = l.ProductName, UnitPriceCents = l.UnitPriceCents, Quantity = l.Quantity,
            }).ToList();
        }
    }
}

internal sealed record LineState(int ProductId, string ProductName, long UnitPriceCents, int Quantity);

/// <summary>An order's state as the owner has it at <see cref="Version"/>.</summary>
internal sealed record OrderState(
    int CustomerId, DateTime PlacedAt, OrderStatus Status, long TotalCents, long Version, DateTime ChangedAt, IReadOnlyList<LineState> Lines);

/// <summary>Wolverine's entry points for the monolith's order events. Public: Wolverine compiles the calling code elsewhere.</summary>
public static class OrderEventsHandler
{
    public static void Configure(HandlerChain chain) => EventRetries.WaitLongForEarlierEvents(chain);

    public static Task Handle(OrderPlaced placed, OrderReplica replica, CancellationToken cancellationToken) => replica.ApplyAsync(placed, cancellationToken);

    public static Task Handle(OrderCancelled cancelled, OrderReplica replica, CancellationToken cancellationToken) => replica.ApplyAsync(cancelled, cancellationToken);
}
