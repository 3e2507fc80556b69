using Legacy.Store.Contracts;
using Legacy.Store.Data;
using Microsoft.EntityFrameworkCore;

namespace Legacy.Store.Orders;

internal static class OrderQueries
{
    /// <summary>A customer's orders, newest first.</summary>
    public static async Task<(IReadOnlyList<OrderDto> Items, int Total)> ListOrdersAsync(
        this StoreDbContext db, int customerId, int skip, int take, CancellationToken cancellationToken)
    {
        var orders = db.Orders.AsNoTracking().Where(o => o.CustomerId == customerId);
        var total = await orders.CountAsync(cancellationToken);
        var page = await orders
            .OrderByDescending(o => o.PlacedAt).ThenByDescending(o => o.Id)
            .Skip(skip).Take(take)
            .Include(o => o.Lines)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return (page.Select(ToDto).ToList(), total);
    }

    /// <summary>The order if it belongs to <paramref name="customerId"/>; someone else's order does not exist for them.</summary>
    public static async Task<OrderDto?> FindOrderAsync(this StoreDbContext db, int customerId, int orderId, CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsNoTracking()
            .Include(o => o.Lines)
            .SingleOrDefaultAsync(o => o.Id == orderId && o.CustomerId == customerId, cancellationToken);
        return order is null ? null : ToDto(order);
    }

    public static OrderDto ToDto(Order order) => OrderDtos.From(order.Id, order.CustomerId, order.PlacedAt, order.Status.ToString(),
        order.IsCancellable, order.TotalCents,
        order.Lines.OrderBy(l => l.Id).Select(l => new OrderLineSnapshot(l.ProductId, l.ProductName, l.UnitPriceCents, l.Quantity)));
}
