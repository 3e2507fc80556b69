using Legacy.Store.Sync;
using Migration.Messaging.Events;

namespace Legacy.Store.Catalog;

/// <summary>The monolith's catalog rows as integration events (the state after the change, at its new version).</summary>
internal static class CatalogEvents
{
    public static ProductState State(Product p) => new(p.Name, p.Description, p.PriceCents, p.CategoryId);

    public static ProductCreated Created(Product p) =>
        new(Guid.CreateVersion7(), p.Id, p.Version, SyncPaging.Utc(p.ChangedAt), EventOrigin.Monolith, State(p));

    public static ProductChanged Changed(Product p) =>
        new(Guid.CreateVersion7(), p.Id, p.Version, SyncPaging.Utc(p.ChangedAt), EventOrigin.Monolith, State(p));

    public static PriceChanged PriceChanged(Product p, long previousCents) =>
        new(Guid.CreateVersion7(), p.Id, p.Version, SyncPaging.Utc(p.ChangedAt), EventOrigin.Monolith, previousCents, State(p));

    public static ProductDeleted Deleted(Product p) =>
        new(Guid.CreateVersion7(), p.Id, p.Version, SyncPaging.Utc(p.ChangedAt), EventOrigin.Monolith);

    public static CategoryChanged CategoryChanged(Category c) =>
        new(Guid.CreateVersion7(), c.Id, c.Version, SyncPaging.Utc(c.ChangedAt), EventOrigin.Monolith, c.Slug, c.Name);
}
