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

    /// <summary>Orders changed strictly after <paramref name="since"/> (inclusive from the start), oldest first, never cutting a group of one time.</summary>
    private static async Task<Results<Ok<List<ChangeMark>>, ValidationProblem>> ListChanges(
        StoreDbContext db, DateTimeOffset? since, int? limit, CancellationToken cancellationToken)
    {
        if (SyncPaging.LimitError(limit) is { } error)
        {
            return error;
        }
        var after = (since ?? DateTimeOffset.MinValue).UtcDateTime;
        var take = limit ?? 100;
        var orders = db.Orders.AsNoTracking();
        var marks = await (after == DateTime.MinValue ? orders.Where(o => o.ChangedAt >= after) : orders.Where(o => o.ChangedAt > after))
            .OrderBy(o => o.ChangedAt).ThenBy(o => o.Id).Take(take).Select(o => new { o.Id, o.Version, o.ChangedAt }).ToListAsync(cancellationToken);
        if (marks.Count == take)
        {
            var last = marks[^1].ChangedAt;
            var group = await orders.Where(o => o.ChangedAt == last).OrderBy(o => o.Id).Select(o => new { o.Id, o.Version, o.ChangedAt }).ToListAsync(cancellationToken);
            marks = marks.Where(m => m.ChangedAt != last).Concat(group).ToList();
        }
        return TypedResults.Ok(marks.Select(m => new ChangeMark(Streams.Order, m.Id, m.Version, SyncPaging.Utc(m.ChangedAt))).ToList());
    }

    private static OrderLineSnapshot Snapshot(OrderLine l) => new(l.ProductId, l.ProductName, l.UnitPriceCents, l.Quantity);
}
