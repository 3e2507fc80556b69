using Legacy.Store.Data;
using Legacy.Store.Inventory;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Migration.Messaging.Applied;
using Migration.Messaging.Events;
using Migration.Messaging.Hosting;
using Wolverine.Runtime.Handlers;

namespace Legacy.Store.Orders;

/// <summary>
/// Orders written by Orders.Service (from a canary on), kept in the monolith's own tables so its order pages, "my
/// orders" and a rollback see them. The ledger holds the newest version the monolith has of each order, its own writes
/// included, so an event never applies twice and the monolith's own events never come back (their origin).
/// </summary>
public sealed partial class OrderReplica
{
    private const string BeforeStock = "before_stock";
    private readonly StoreDbContext _db;
    private readonly EventLedger _ledger;
    private readonly ILogger _logger;

    internal OrderReplica(StoreDbContext db, EventLedger ledger, ILogger<OrderReplica> logger) => (_db, _ledger, _logger) = (db, ledger, logger);

    public Task ApplyAsync(OrderPlaced placed, CancellationToken cancellationToken) =>
        InTransactionAsync(transaction => _ledger.ApplyAsync(_db, placed, EventOrigin.Monolith, async () =>
        {
            var order = new Order
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
            };
            order.HoldsStock = await HoldStockAsync(placed, transaction, cancellationToken);
            _db.Orders.Add(order);
        }, cancellationToken), cancellationToken);

    public Task ApplyAsync(OrderCancelled cancelled, CancellationToken cancellationToken) =>
        InTransactionAsync(_ => _ledger.ApplyAsync(_db, cancelled, EventOrigin.Monolith, async () =>
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
            await OrderService.ReturnStockAsync(_db, order, cancellationToken);
        }, cancellationToken), cancellationToken);

    // Stock moves in statements of their own (and may roll back to a savepoint): all of it commits with the order or not at all.
    private async Task InTransactionAsync(Func<IDbContextTransaction, Task> apply, CancellationToken cancellationToken)
    {
        await using var transaction = await _db.Database.BeginTransactionAsync(cancellationToken);
        await apply(transaction);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// The order's stock: its reservation when that is still held for exactly these lines; otherwise (none, released
    /// after its hold ran out, other lines) the order takes its stock now, all lines or none. An order that finds the
    /// stock gone still exists (it was placed) but holds none: false, logged as oversold.
    /// </summary>
    private async Task<bool> HoldStockAsync(OrderPlaced placed, IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        var lines = placed.Lines.Select(l => (l.ProductId, l.Quantity)).ToList();
        if (placed.ReservationId is { } id)
        {
            var held = await _db.Set<StockReservationLine>().Where(l => l.ReservationId == id)
                .Select(l => new { l.ProductId, l.Quantity }).ToListAsync(cancellationToken);
            var same = held.Select(l => (l.ProductId, l.Quantity)).Order().SequenceEqual(lines.Order());
            if (same && await _db.Reservations.Where(r => r.Id == id && r.Status == ReservationStatus.Held)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ReservationStatus.Committed).SetProperty(r => r.OrderId, placed.OrderId), cancellationToken) == 1)
            {
                return true;
            }
            await StockReservations.ReleaseHeldAsync(_db, id, cancellationToken);
            LogReservationNotHeld(placed.OrderId, id);
        }
        await transaction.CreateSavepointAsync(BeforeStock, cancellationToken);
        if (await StockMoves.TakeAsync(_db, lines, cancellationToken) is { } shortage)
        {
            await transaction.RollbackToSavepointAsync(BeforeStock, cancellationToken);
            LogOversold(placed.OrderId, shortage.ProductId, shortage.OnHand, shortage.Requested);
            return false;
        }
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId} arrived without reservation {ReservationId} held for its lines: it takes its stock now")]
    private partial void LogReservationNotHeld(int orderId, Guid reservationId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Order {OrderId} is oversold: product {ProductId} has {OnHand} on hand, {Requested} ordered; it holds no stock")]
    private partial void LogOversold(int orderId, int productId, int onHand, int requested);
}

/// <summary>Wolverine's entry points for the order events Orders.Service publishes.</summary>
public static class OrderEventsHandler
{
    public static void Configure(HandlerChain chain) => EventRetries.WaitLongForEarlierEvents(chain);

    public static Task Handle(OrderPlaced placed, OrderReplica replica, CancellationToken cancellationToken) => replica.ApplyAsync(placed, cancellationToken);

    public static Task Handle(OrderCancelled cancelled, OrderReplica replica, CancellationToken cancellationToken) => replica.ApplyAsync(cancelled, cancellationToken);
}
