using Legacy.Store.Sync;
using Migration.Messaging.Events;

namespace Legacy.Store.Orders;

/// <summary>The monolith's orders as integration events (the state after the change, at its new version).</summary>
internal static class OrderEvents
{
    public static OrderPlaced Placed(Order o) =>
        new(Guid.CreateVersion7(), o.Id, o.Version, SyncPaging.Utc(o.ChangedAt), EventOrigin.Monolith, o.CustomerId, SyncPaging.Utc(o.PlacedAt), o.TotalCents,
            o.Lines.OrderBy(l => l.Id).Select(l => new OrderLineState(l.ProductId, l.ProductName, l.UnitPriceCents, l.Quantity)).ToList(),
            null);

    public static OrderCancelled Cancelled(Order o) =>
        new(Guid.CreateVersion7(), o.Id, o.Version, SyncPaging.Utc(o.ChangedAt), EventOrigin.Monolith, o.CustomerId);
}
