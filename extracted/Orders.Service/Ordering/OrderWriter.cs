using Legacy.Store.Contracts;
using Microsoft.EntityFrameworkCore;
using Migration.Messaging.Applied;
using Migration.Messaging.Events;
using Orders.Service.Catalog;
using Orders.Service.Data;
using Orders.Service.Stock;
using Wolverine.EntityFrameworkCore;

namespace Orders.Service.Ordering;

internal abstract record PlaceOrderResult
{
    public sealed record Placed(OrderDto Order) : PlaceOrderResult;
    public sealed record Invalid(Dictionary<string, string[]> Errors) : PlaceOrderResult;
    public sealed record OutOfStock(StockShortage Shortage) : PlaceOrderResult;

    /// <summary>A side the order depends on did not answer in time: nothing was ordered, nothing stays held.</summary>
    public sealed record Unavailable(string What, string Reason) : PlaceOrderResult;
}

internal abstract record CancelOrderResult
{
    public sealed record Cancelled(OrderDto Order) : CancelOrderResult;
    public sealed record NotFound : CancelOrderResult;
    public sealed record NotCancellable(string Status) : CancelOrderResult;
}

/// <summary>
/// Places and cancels the orders this service receives (from a canary on). An order exists only with its stock held by
/// the monolith, and its event leaves through the outbox in the order's own transaction; the monolith keeps its copy
/// from it and returns the stock when a cancellation arrives.
/// </summary>
internal sealed partial class OrderWriter(
    IDbContextOutbox<OrdersDbContext> outbox, CatalogClient catalog, IStockDesk stock, EventLedger ledger, TimeProvider clock,
    ILogger<OrderWriter> logger)
{
    private OrdersDbContext Db => outbox.DbContext;

    public async Task<PlaceOrderResult> PlaceAsync(int customerId, IReadOnlyList<OrderLineRequest>? lines, CancellationToken cancellationToken)
    {
        if (OrderValidation.Validate(lines) is { } errors)
        {
            return new PlaceOrderResult.Invalid(errors);
        }
        Dictionary<int, ProductDto> products;
        try
        {
            (products, var unknown) = await catalog.ProductsAsync(lines!.Select(l => l.ProductId), cancellationToken);
            if (unknown.Count > 0)
            {
                return new PlaceOrderResult.Invalid(OrderValidation.UnknownProducts(
                    lines!.Select((l, i) => (i, l.ProductId)).Where(x => unknown.Contains(x.ProductId))));
            }
        }
        catch (CatalogUnavailableException ex)
        {
            return new PlaceOrderResult.Unavailable("Prices", ex.Message);
        }

        // From here on the request's abort (the client left) no longer stops the order: a reservation asked for and then
        // abandoned, or a commit cut short and then released, would break "no reservation without its order". Both
        // steps are bounded anyway (Stock:ReplyTimeout, the database).
        var reservation = new ReserveStock(Guid.CreateVersion7(), customerId, lines!.Select(l => new StockLine(l.ProductId, l.Quantity)).ToList());
        switch (await stock.ReserveAsync(reservation, CancellationToken.None))
        {
            case StockAnswer.Short s:
                return new PlaceOrderResult.OutOfStock(s.Shortage);
            case StockAnswer.Invalid invalid:
                // The monolith knows better than the catalog copy (a product deleted a moment ago): its errors, as it words them.
                return new PlaceOrderResult.Invalid(new(invalid.Errors));
            case StockAnswer.NoAnswer none:
                await stock.ReleaseAsync(reservation.ReservationId);
                return new PlaceOrderResult.Unavailable("Stock", none.Reason);
        }

        try
        {
            var order = await SaveAsync(customerId, lines!, products, reservation.ReservationId, CancellationToken.None);
            LogPlaced(customerId, order.Id, reservation.ReservationId);
            return new PlaceOrderResult.Placed(OrderQueries.ToDto(order));
        }
        catch
        {
            // No reservation without its order.
            await stock.ReleaseAsync(reservation.ReservationId);
            throw;
        }
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
        order.ChangedAt = Now();
        try
        {
            // The monolith returns the stock when this event reaches it, whichever side placed the order.
            await PublishAsync(OrderEvents.Cancelled(order), cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The monolith's cancellation of this order arrived in the same moment and moved the version first.
            return new CancelOrderResult.NotCancellable(OrderStatus.Cancelled.ToString());
        }
        LogCancelled(customerId, orderId);
        return new CancelOrderResult.Cancelled(OrderQueries.ToDto(order));
    }

    private async Task<Order> SaveAsync(
        int customerId, IReadOnlyList<OrderLineRequest> lines, Dictionary<int, ProductDto> products, Guid reservationId,
        CancellationToken cancellationToken)
    {
        var now = Now();
        var order = new Order
        {
            CustomerId = customerId,
            PlacedAt = now,
            ChangedAt = now,
            Status = OrderStatus.Placed,
            ReservationId = reservationId,
            Lines = lines.Select(l => new OrderLine
            {
                ProductId = l.ProductId,
                ProductName = products[l.ProductId].Name,
                UnitPriceCents = Money.ToCents(products[l.ProductId].Price),
                Quantity = l.Quantity,
            }).ToList(),
        };
        order.TotalCents = order.Lines.Sum(l => l.UnitPriceCents * l.Quantity);
        // The id comes from this service's identity (from OrderNumbering.ServiceRangeStart up), so the row goes first,
        // inside the transaction the event then commits with.
        await using var transaction = await Db.Database.BeginTransactionAsync(cancellationToken);
        Db.Orders.Add(order);
        await Db.SaveChangesAsync(cancellationToken);
        await PublishAsync(OrderEvents.Placed(order), cancellationToken);
        return order;
    }

    private Task PublishAsync(IIntegrationEvent @event, CancellationToken cancellationToken) =>
        ledger.PublishOwnAsync(outbox, @event, cancellationToken);

    private DateTime Now() => EventTimes.UtcMillisecond(clock);

    [LoggerMessage(Level = LogLevel.Information, Message = "Customer {CustomerId} placed order {OrderId} (stock reservation {ReservationId})")]
    private partial void LogPlaced(int customerId, int orderId, Guid reservationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Customer {CustomerId} cancelled order {OrderId}")]
    private partial void LogCancelled(int customerId, int orderId);
}
