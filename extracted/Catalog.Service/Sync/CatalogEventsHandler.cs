using Migration.Messaging.Events;

namespace Catalog.Service.Sync;

/// <summary>
/// The monolith's catalog events, applied to this service's database. Public because Wolverine compiles the code
/// that calls these methods into an assembly of its own.
/// </summary>
public static class CatalogEventsHandler
{
    public static Task Handle(ProductCreated @event, CatalogReplica replica, CancellationToken cancellationToken) =>
        replica.ApplyProductAsync(@event, @event.Product, cancellationToken);

    public static Task Handle(ProductChanged @event, CatalogReplica replica, CancellationToken cancellationToken) =>
        replica.ApplyProductAsync(@event, @event.Product, cancellationToken);

    public static Task Handle(PriceChanged @event, CatalogReplica replica, CancellationToken cancellationToken) =>
        replica.ApplyProductAsync(@event, @event.Product, cancellationToken);

    public static Task Handle(ProductDeleted @event, CatalogReplica replica, CancellationToken cancellationToken) =>
        replica.ApplyProductAsync(@event, null, cancellationToken);

    public static Task Handle(CategoryChanged @event, CatalogReplica replica, CancellationToken cancellationToken) =>
        replica.ApplyCategoryAsync(@event, cancellationToken);
}
