using Legacy.Store.Contracts;
using Legacy.Store.Data;
using Legacy.Store.Orders;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Migration.Messaging.Applied;
using Migration.Messaging.Events;
using Migration.Messaging.Parity;

namespace Legacy.Store.Sync;

/// <summary>
/// Orders as Orders.Service copies them (keyset pages with versions and lines), the order changes its replication lag
/// is measured against, and both order tables for data verify. Read only.
/// </summary>
internal static class OrderSyncApi
{
    public static IEndpointRouteBuilder MapOrderSyncApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(OrderParity.Orders, ListOrders);
        app.MapGet(OrderParity.Changes, ListChanges);
        app.MapGet(OrderParity.OwnerPrefix, () => TypedResults.Ok(OrderParity.Tables));
        app.MapParity(OrderParity.OwnerPrefix + "/orders", (context, from, to) =>
            Orders(context, from, to).Select(o => OrderParity.Order(o.Id, o.CustomerId, o.PlacedAt, o.Status.ToString(), o.TotalCents)).AsAsyncEnumerable());
        app.MapParity(OrderParity.OwnerPrefix + "/order_lines", (context, from, to) =>
            Orders(context, from, to).Include(o => o.Lines).AsSplitQuery().AsAsyncEnumerable()
                .Select(o => OrderParity.Lines(o.Id, o.Lines.Select(Snapshot))));
        return app;
    }

    private static IQueryable<Order> Orders(HttpContext context, int from, int to) =>
        context.RequestServices.GetRequiredService<StoreDbContext>().Orders.AsNoTracking()
            .Where(o => o.Id >= from && o.Id <= to).OrderBy(o => o.Id);

    private static async Task<Results<Ok<List<OrderSnapshot>>, ValidationProblem>> ListOrders(
        HttpContext context, StoreDbContext db, int? afterId, int? limit, CancellationToken cancellationToken)
    {
        if (SyncPaging.LimitError(limit) is { } error)
        {
            return error;
        }
        context.Response.Headers["X-Total-Count"] = (await db.Orders.CountAsync(cancellationToken)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var page = await db.Orders.AsNoTracking().Where(o => o.Id > (afterId ?? 0)).OrderBy(o => o.Id).Take(limit ?? 100)
            .Include(o => o.Lines).AsSplitQuery().ToListAsync(cancellationToken);
        return TypedResults.Ok(page.Select(o => new OrderSnapshot(o.Id, o.Version, SyncPaging.Utc(o.ChangedAt), o.CustomerId,
            SyncPaging.Utc(o.PlacedAt), o.Status.ToString(), o.TotalCents, o.Lines.OrderBy(l => l.Id).Select(Snapshot).ToList())).ToList());
    }

    /// <summary>Orders changed strictly after <paramref name="since"/>, oldest first (see <see cref="ChangePages"/>).</summary>
    private static async Task<Results<Ok<List<ChangeMark>>, ValidationProblem>> ListChanges(
        StoreDbContext db, DateTimeOffset? since, int? limit, CancellationToken cancellationToken)
    {
        if (SyncPaging.LimitError(limit) is { } error)
        {
            return error;
        }
        return TypedResults.Ok(await ChangePages.PageAsync(since, limit ?? 100, cancellationToken,
            new ChangeSource<Order>(db.Orders.AsNoTracking(), Streams.Order)));
    }

    private static OrderLineSnapshot Snapshot(OrderLine l) => new(l.ProductId, l.ProductName, l.UnitPriceCents, l.Quantity);
}
