using Legacy.Store.Catalog;
using Legacy.Store.Data;
using Migration.Messaging.Events;
using Migration.Messaging.Hosting;

namespace Legacy.Store.Sync;

/// <summary>
/// The monolith's seam for the migration: its events leave through a transactional outbox in its own database, and
/// the catalog's go to Catalog.Service.
/// </summary>
internal static class StoreEventsExtensions
{
    public static WebApplicationBuilder AddStoreEvents(this WebApplicationBuilder builder)
    {
        // The outbox lives in the store's own database: the same location the store resolves for itself.
        var store = new StoreDatabaseLocation(builder.Configuration, builder.Environment);
        builder.AddMessaging(Nodes.Monolith, store.Provider, store.ConnectionString, routes => routes.Send(Nodes.Catalog,
            typeof(ProductCreated), typeof(ProductChanged), typeof(PriceChanged), typeof(ProductDeleted), typeof(CategoryChanged)));
        builder.Services.AddScoped<CatalogWriter>();
        return builder;
    }
}
