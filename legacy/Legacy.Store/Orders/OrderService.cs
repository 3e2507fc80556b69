using Legacy.Store.Data;
using Microsoft.EntityFrameworkCore;

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

/// <summary>Places and cancels orders; stock moves in the same transaction as the order, or not at all.</summary>
internal sealed class OrderService(StoreDbContext db, TimeProvider clock, ILogger<OrderService> logger)
{
    public async Task<PlaceOrderResult> PlaceAsync(int customerId, IReadOnlyList<OrderLineRequest>? lines, CancellationToken cancellationToken)
    {
        if (OrderValidation.Validate(lines) is { } errors)
        {
            return new PlaceOrderResult.Invalid(errors);
        }
        var ids = lines!.Select(l => l.ProductId).ToList();
        var products = await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var unknown = lines!.Select((l, i) => (l, i)).Where(x => !products.ContainsKey(x.l.ProductId)).ToList();
        if (unknown.Count > 0)
        {
            return new PlaceOrderResult.Invalid(unknown.ToDictionary(
                x => $"lines[{x.i}].productId", x => new[] { $"product {x.l.ProductId} does not exist." }));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var line in lines!)
        {
            // The guard in the WHERE clause makes check-and-decrement one atomic statement.
            var taken = await db.Stock
                .Where(s => s.ProductId == line.ProductId && s.OnHand >= line.Quantity)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.OnHand, x => x.OnHand - line.Quantity), cancellationToken);
            if (taken == 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                var onHand = await db.Stock.Where(s => s.ProductId == line.ProductId).Select(s => s.OnHand).SingleOrDefaultAsync(cancellationToken);
                return new PlaceOrderResult.OutOfStock(line.ProductId, onHand, line.Quantity);
            }
        }
        var order = new Order
        {
            CustomerId = customerId,
            PlacedAt = clock.GetUtcNow().UtcDateTime,
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
        db.Orders.Add(order);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Customer {CustomerId} placed order {OrderId}", customerId, order.Id);
        return new PlaceOrderResult.Placed(OrderQueries.ToDto(order));
    }

    public async Task<CancelOrderResult> CancelAsync(int customerId, int orderId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var order = await db.Orders.Include(o => o.Lines)
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
        foreach (var line in order.Lines)
        {
            await db.Stock.Where(s => s.ProductId == line.ProductId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.OnHand, x => x.OnHand + line.Quantity), cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Customer {CustomerId} cancelled order {OrderId}", customerId, order.Id);
        return new CancelOrderResult.Cancelled(OrderQueries.ToDto(order));
    }
}
