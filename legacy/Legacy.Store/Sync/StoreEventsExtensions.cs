using Legacy.Store.Catalog;
using Legacy.Store.Data;
using Legacy.Store.Inventory;
using Legacy.Store.Orders;
using Migration.Messaging.Events;
using Migration.Messaging.Hosting;

namespace Legacy.Store.Sync;

/// <summary>
/// The monolith's seam for the migration: its events leave through a transactional outbox in its own database (the
/// catalog's to Catalog.Service, the orders' to Orders.Service, ended sessions to the facade), and it listens for what
/// the services send it: stock reservations (request/reply) and the orders they write from a canary on.
/// </summary>
internal static class StoreEventsExtensions
{
    public static WebApplicationBuilder AddStoreEvents(this WebApplicationBuilder builder)
    {
        // The outbox lives in the store's own database.
        var store = StoreDatabaseLocation.Of(builder);
        builder.AddMessaging(Nodes.Monolith, store.Provider, store.ConnectionString, routes => routes
            .Send(Nodes.Catalog, typeof(ProductCreated), typeof(ProductChanged), typeof(PriceChanged), typeof(ProductDeleted), typeof(CategoryChanged))
            .Send(Nodes.Orders, typeof(OrderPlaced), typeof(OrderCancelled))
            .Send(Nodes.Facade, typeof(SessionEnded))
            .Listen());
        builder.Services.AddScoped<CatalogWriter>();
        builder.Services.AddOptions<InventoryOptions>()
            .BindConfiguration(InventoryOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<ReservationSweeper>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ReservationSweeper>());
        builder.Services.AddScoped(sp => new StockReservations(
            sp.GetRequiredService<StoreDbContext>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<StockReservations>>()));
        builder.Services.AddScoped(sp => new OrderReplica(
            sp.GetRequiredService<StoreDbContext>(), sp.GetRequiredService<Migration.Messaging.Applied.EventLedger>(), sp.GetRequiredService<ILogger<OrderReplica>>()));
        return builder;
    }
}
