using Migration.Messaging.Applied;
using Migration.Messaging.Events;
using Migration.Messaging.Hosting;
using Migration.Messaging.Storage;
using Orders.Service.Data;

namespace Orders.Service.Sync;

internal static class SyncExtensions
{
    /// <summary>
    /// This service on the bus, with its outbox and inbox in its own database: it sends the monolith stock requests and
    /// the orders it writes, and listens for the monolith's orders and for the answers to its stock requests.
    /// </summary>
    public static WebApplicationBuilder AddOrderSync(this WebApplicationBuilder builder)
    {
        var database = builder.ServiceDatabase();
        builder.AddMessaging(Nodes.Orders, database.Provider, database.ConnectionString, routes => routes
            .Send(Nodes.Monolith, typeof(ReserveStock), typeof(ReleaseStock), typeof(OrderPlaced), typeof(OrderCancelled))
            .Listen());
        builder.Services.AddReplicationLag<OrdersDbContext, LegacyOrderFeed>(Nodes.Orders);
        builder.Services.AddScoped(sp => new OrderReplica(sp.GetRequiredService<OrdersDbContext>(), sp.GetRequiredService<EventLedger>()));
        return builder;
    }
}

/// <summary>The monolith's order change feed, read through the backfill's Refit client.</summary>
internal sealed class LegacyOrderFeed(Backfill.ILegacyOrdersApi legacy) : IChangeFeed
{
    public async Task<IReadOnlyList<ChangeMark>> ChangesAfterAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken) =>
        await legacy.GetChangesAsync(since, limit, cancellationToken);
}
