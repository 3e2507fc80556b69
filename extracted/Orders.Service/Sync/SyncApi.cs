using Legacy.Store.Contracts;
using Microsoft.EntityFrameworkCore;
using Migration.Messaging.Applied;
using Migration.Messaging.Parity;
using Orders.Service.Data;

namespace Orders.Service.Sync;

/// <summary>What the control plane reads to judge this copy: replication lag, and this side of data verify.</summary>
internal static class SyncApi
{
    public static IEndpointRouteBuilder MapSyncApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/internal/sync/lag", (ReplicationLagMonitor<OrdersDbContext> monitor) => TypedResults.Ok(monitor.Current)).WithTags("Sync");
        app.MapGet("/internal/sync/events", (EventLedger ledger) => TypedResults.Ok(ledger.Counts)).WithTags("Sync");
        var prefix = CatalogParity.ReplicaPrefix(OrderParity.Dataset);
        app.MapParity(prefix + "/orders", (context, from, to) =>
            Orders(context, from, to).Select(o => OrderParity.Order(o.Id, o.CustomerId, o.PlacedAt, o.Status.ToString(), o.TotalCents)).AsAsyncEnumerable())
            .WithTags("Sync");
        app.MapParity(prefix + "/order_lines", (context, from, to) =>
            Orders(context, from, to).Include(o => o.Lines).AsSplitQuery().AsAsyncEnumerable()
                .Select(o => OrderParity.Lines(o.Id, o.Lines.Select(l => new OrderLineSnapshot(l.ProductId, l.ProductName, l.UnitPriceCents, l.Quantity)))))
            .WithTags("Sync");
        return app;
    }

    private static IQueryable<Order> Orders(HttpContext context, int from, int to) =>
        context.RequestServices.GetRequiredService<OrdersDbContext>().Orders.AsNoTracking()
            .Where(o => o.Id >= from && o.Id <= to).OrderBy(o => o.Id);
}
