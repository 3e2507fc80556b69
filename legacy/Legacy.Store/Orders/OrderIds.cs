using Legacy.Store.Data;
using Microsoft.EntityFrameworkCore;
using Migration.Messaging.Events;

namespace Legacy.Store.Orders;

/// <summary>
/// Order ids never collide across the split: the monolith numbers its orders below
/// <see cref="OrderNumbering.ServiceRangeStart"/>, Orders.Service from it upwards, and each side stores the other's
/// orders under their own ids. On PostgreSQL the identity sequence does this by itself (an explicit id does not move
/// it). SQLite picks max(id) + 1, which the first order copied from the service would move into the service's range,
/// so here the monolith numbers its own orders explicitly, inside the write transaction (SQLite has one writer).
/// </summary>
internal static class OrderIds
{
    public static async Task<int> NextLocalAsync(StoreDbContext db, CancellationToken cancellationToken) =>
        db.Database.IsSqlite()
            ? (await db.Orders.Where(o => o.Id < OrderNumbering.ServiceRangeStart).MaxAsync(o => (int?)o.Id, cancellationToken) ?? 0) + 1
            : 0;
}
