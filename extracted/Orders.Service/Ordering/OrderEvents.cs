using Migration.Messaging.Events;
using Orders.Service.Data;

namespace Orders.Service.Ordering;

/// <summary>This service's orders as integration events (origin Orders), the same shapes the monolith publishes.</summary>
internal static class OrderEvents
{
    public static OrderPlaced Placed(Order o) =>
        new(Guid.CreateVersion7(), o.Id, o.Version, Utc(o.ChangedAt), EventOrigin.Orders, o.CustomerId, Utc(o.PlacedAt), o.TotalCents,
            o.Lines.OrderBy(l => l.Id).Select(l => new OrderLineState(l.ProductId, l.ProductName, l.UnitPriceCents, l.Quantity)).ToList(),
            o.ReservationId);

    public static OrderCancelled Cancelled(Order o) =>
        new(Guid.CreateVersion7(), o.Id, o.Version, Utc(o.ChangedAt), EventOrigin.Orders, o.CustomerId);

    public static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
