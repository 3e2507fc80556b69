using Migration.Messaging.Storage;
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
        var provider = DatabaseOptions.ProviderIn(builder.Configuration);
        var storage = StoreDatabaseLocation.Resolve(provider,
            builder.Configuration.GetConnectionString(StoreDatabaseExtensions.ConnectionStringName) ?? "",
            builder.Environment.ContentRootPath, out _);
        builder.AddMessaging(Nodes.Monolith, provider, storage, routes => routes.Send(Nodes.Catalog,
            typeof(ProductCreated), typeof(ProductChanged), typeof(PriceChanged), typeof(ProductDeleted), typeof(CategoryChanged)));
        builder.Services.AddScoped<CatalogWriter>();
        return builder;
    }
}
