using Catalog.Service.Data;
using Migration.Messaging.Applied;
using Migration.Messaging.Hosting;
using Migration.Messaging.Storage;

namespace Catalog.Service.Sync;

internal static class SyncExtensions
{
    /// <summary>Listens for the monolith's catalog events (durable inbox in this service's own database).</summary>
    public static WebApplicationBuilder AddCatalogSync(this WebApplicationBuilder builder)
    {
        var database = builder.ServiceDatabase();
        builder.AddMessaging(Nodes.Catalog, database.Provider, database.ConnectionString,
            routes => routes.Listen());
        builder.Services.AddReplicationLag<CatalogDbContext, LegacyChangeFeed>(Nodes.Catalog);
        builder.Services.AddScoped(sp => new CatalogReplica(sp.GetRequiredService<CatalogDbContext>(), sp.GetRequiredService<EventLedger>()));
        return builder;
    }
}
