using Legacy.Store.Contracts;
using Legacy.Store.Data;
using Legacy.Store.Inventory;
using Microsoft.EntityFrameworkCore;
using Migration.Messaging.Applied;
using Migration.Messaging.Events;
using Wolverine.EntityFrameworkCore;

namespace Legacy.Store.Orders;

internal abstract record PlaceOrderResult
{
    public sealed record Placed(OrderDto Order) : PlaceOrderResult;
    public sealed record Invalid(Dictionary<string, string[]> Errors) : PlaceOrderResult;
    public sealed record OutOfStock(int ProductId, int OnHand, int Requested) : PlaceOrderResult;
}

internal abstract record CancelOrderResult
{
    public sealed record Cancelled(OrderDto Order) : CancelOrderResult;
    public sealed record NotFound : CancelOrderResult;
    public sealed record NotCancellable(string Status) : CancelOrderResult;
}

/// <summary>
/// Places and cancels orders; stock moves in the same transaction as the order, or not at all, and the order's event
/// leaves through the outbox in that transaction too (Orders.Service keeps its copy from it).
/// </summary>
internal sealed class OrderService(IDbContextOutbox<StoreDbContext> outbox, EventLedger ledger, TimeProvider clock, ILogger<OrderService> logger)
{
    private StoreDbContext Db => outbox.DbContext;

    public async Task<PlaceOrderResult> PlaceAsync(int customerId, IReadOnlyList<OrderLineRequest>? lines, CancellationToken cancellationToken)
    {
        if (OrderValidation.Validate(lines) is { } errors)
        {
            return new PlaceOrderResult.Invalid(errors);
        }
        var ids = lines!.Select(l => l.ProductId).ToList();
        var products = await Db.Products.AsNoTracking().Where(p => ids.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var unknown = lines!.Select((l, i) => (l, i)).Where(x => !products.ContainsKey(x.l.ProductId)).ToList();
        if (unknown.Count > 0)
        {
            return new PlaceOrderResult.Invalid(OrderValidation.UnknownProducts(unknown.Select(x => (x.i, x.l.ProductId))));
        }

        await using var transaction = await Db.Database.BeginTransactionAsync(cancellationToken);
        if (await StockMoves.TakeAsync(Db, lines!.Select(l => (l.ProductId, l.Quantity)), cancellationToken) is { } shortage)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new PlaceOrderResult.OutOfStock(shortage.ProductId, shortage.OnHand, shortage.Requested);
        }
        var now = EventTimes.UtcMillisecond(clock);
        var order = new Order
        {
            Id = await OrderIds.NextLocalAsync(Db, cancellationToken),
            CustomerId = customerId,
            PlacedAt = now,
            ChangedAt = now,
            Status = OrderStatus.Placed,
            Lines = lines!.Select(l => new OrderLine
            {
                ProductId = l.ProductId,
                ProductName = products[l.ProductId].Name,
                UnitPriceCents = products[l.ProductId].PriceCents,
                Quantity = l.Quantity,
            }).ToList(),
        };
        order.TotalCents = order.Lines.Sum(l => l.UnitPriceCents * l.Quantity);
        Db.Orders.Add(order);
        await Db.SaveChangesAsync(cancellationToken);
        await PublishAsync(OrderEvents.Placed(order), cancellationToken);
        logger.LogInformation("Customer {CustomerId} placed order {OrderId}", customerId, order.Id);
        return new PlaceOrderResult.Placed(OrderQueries.ToDto(order));
    }

    public async Task<CancelOrderResult> CancelAsync(int customerId, int orderId, CancellationToken cancellationToken)
    {
        await using var transaction = await Db.Database.BeginTransactionAsync(cancellationToken);
        var order = await Db.Orders.Include(o => o.Lines)
            .SingleOrDefaultAsync(o => o.Id == orderId && o.CustomerId == customerId, cancellationToken);
        if (order is null)
        {
            return new CancelOrderResult.NotFound();
        }
        if (!order.IsCancellable)
        {
            return new CancelOrderResult.NotCancellable(order.Status.ToString());
        }
        order.Status = OrderStatus.Cancelled;
        order.Version++;
        order.ChangedAt = EventTimes.UtcMillisecond(clock);
        await ReturnStockAsync(Db, order, cancellationToken);
        try
        {
            await PublishAsync(OrderEvents.Cancelled(order), cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The other side cancelled it in the same moment (its event moved the version first): nothing moved here.
            return new CancelOrderResult.NotCancellable(OrderStatus.Cancelled.ToString());
        }
        logger.LogInformation("Customer {CustomerId} cancelled order {OrderId}", customerId, order.Id);
        return new CancelOrderResult.Cancelled(OrderQueries.ToDto(order));
    }

    /// <summary>A cancelled order's stock goes back, if it holds any (see <see cref="Order.HoldsStock"/>).</summary>
    internal static Task ReturnStockAsync(StoreDbContext db, Order order, CancellationToken cancellationToken) =>
        order.HoldsStock ? StockMoves.ReturnAsync(db, order.Lines.Select(l => (l.ProductId, l.Quantity)), cancellationToken) : Task.CompletedTask;

    private Task PublishAsync(IIntegrationEvent @event, CancellationToken cancellationToken) =>
        ledger.PublishOwnAsync(outbox, @event, cancellationToken);
}
