using Legacy.Store.Data;
using Legacy.Store.Inventory;
using Microsoft.EntityFrameworkCore;
using Migration.Messaging.Applied;
using Migration.Messaging.Events;

namespace Legacy.Store.Orders;

/// <summary>
/// Orders written by Orders.Service (from a canary on), kept in the monolith's own tables so its order pages, "my
/// orders" and a rollback see them. The ledger holds the newest version the monolith has of each order, its own writes
/// included, so an event never applies twice and the monolith's own events never come back (their origin).
/// </summary>
public sealed class OrderReplica
{
    private readonly StoreDbContext _db;
    private readonly EventLedger _ledger;
    private readonly ILogger _logger;

    internal OrderReplica(StoreDbContext db, EventLedger ledger, ILogger<OrderReplica> logger) => (_db, _ledger, _logger) = (db, ledger, logger);

    public async Task ApplyAsync(OrderPlaced placed, CancellationToken cancellationToken)
    {
        await ApplyAsync(placed, async () =>
        {
            if (!await _db.Orders.AnyAsync(o => o.Id == placed.OrderId, cancellationToken))
            {
                _db.Orders.Add(new Order
                {
                    Id = placed.OrderId,
                    CustomerId = placed.CustomerId,
                    PlacedAt = placed.PlacedAt.UtcDateTime,
                    ChangedAt = placed.OccurredAt.UtcDateTime,
                    Status = OrderStatus.Placed,
                    TotalCents = placed.TotalCents,
                    Version = placed.Version,
                    Lines = placed.Lines.Select(l => new OrderLine
                    {
                        ProductId = l.ProductId, ProductName = l.ProductName, UnitPriceCents = l.UnitPriceCents, Quantity = l.Quantity,
                    }).ToList(),
                });
            }
            if (placed.ReservationId is { } id)
            {
                await CommitReservationAsync(id, placed, cancellationToken);
            }
        }, cancellationToken);
    }

    public async Task ApplyAsync(OrderCancelled cancelled, CancellationToken cancellationToken)
    {
        await ApplyAsync(cancelled, async () =>
        {
            var order = await _db.Orders.Include(o => o.Lines).SingleOrDefaultAsync(o => o.Id == cancelled.OrderId, cancellationToken)
                ?? throw new NotYetApplicableException($"Order {cancelled.OrderId} is not in the monolith yet.");
            if (order.Status == OrderStatus.Cancelled)
            {
                return;
            }
            order.Status = OrderStatus.Cancelled;
            order.Version = cancelled.Version;
            order.ChangedAt = cancelled.OccurredAt.UtcDateTime;
            // Stock is the monolith's: whichever side cancels, it comes back here, once (the ledger saw to that).
            await StockMoves.ReturnAsync(_db, order.Lines.Select(l => (l.ProductId, l.Quantity)), cancellationToken);
        }, cancellationToken);
    }

    private async Task ApplyAsync(IIntegrationEvent @event, Func<Task> apply, CancellationToken cancellationToken)
    {
        await using var transaction = await _db.Database.BeginTransactionAsync(cancellationToken);
        var verdict = await _ledger.OfferAsync(_db, @event, EventOrigin.Monolith, cancellationToken);
        if (verdict == LedgerVerdict.Apply)
        {
            await apply();
            await _db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        _ledger.Saved(verdict);
    }

    // The order's stock was held when the service asked; now it belongs to the order. A reservation already given back
    // (its order arrived after the hold ran out) takes the stock again, as far as there is any: the order exists.
    private async Task CommitReservationAsync(Guid id, OrderPlaced placed, CancellationToken cancellationToken)
    {
        var reservation = await _db.Reservations.Include(r => r.Lines).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (reservation is { Status: ReservationStatus.Held })
        {
            reservation.Status = ReservationStatus.Committed;
            reservation.OrderId = placed.OrderId;
            return;
        }
        _logger.LogWarning("Order {OrderId} arrived for reservation {ReservationId}, which is {Status}: its stock is taken again",
            placed.OrderId, id, reservation?.Status.ToString() ?? "unknown");
        if (await StockMoves.TakeAsync(_db, placed.Lines.Select(l => (l.ProductId, l.Quantity)), cancellationToken) is { } shortage)
        {
            _logger.LogError("Order {OrderId} is oversold: product {ProductId} has {OnHand} on hand, {Requested} ordered",
                placed.OrderId, shortage.ProductId, shortage.OnHand, shortage.Requested);
        }
    }
}

/// <summary>Wolverine's entry points for the order events Orders.Service publishes.</summary>
public static class OrderEventsHandler
{
    public static Task Handle(OrderPlaced placed, OrderReplica replica, CancellationToken cancellationToken) => replica.ApplyAsync(placed, cancellationToken);

    public static Task Handle(OrderCancelled cancelled, OrderReplica replica, CancellationToken cancellationToken) => replica.ApplyAsync(cancelled, cancellationToken);
}
