using Legacy.Store.Contracts;
using Legacy.Store.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Migration.Messaging.Applied;
using Migration.Messaging.Events;
using Migration.Messaging.Parity;

namespace Legacy.Store.Sync;

/// <summary>
/// The catalog as the extracted services copy it: keyset pages with versions (deleted products included), and the
/// recent changes that replication lag is measured against. Read only.
/// </summary>
internal static class CatalogSyncApi
{
    public static IEndpointRouteBuilder MapCatalogSyncApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(SyncRoutes.Products, ListProducts);
        app.MapGet(SyncRoutes.Categories, ListCategories);
        app.MapGet(SyncRoutes.Changes, ListChanges);
        app.MapGet(CatalogParity.OwnerPrefix, () => TypedResults.Ok(CatalogParity.Tables));
        app.MapParity(CatalogParity.OwnerPrefix + "/products", (context, from, to) =>
            context.RequestServices.GetRequiredService<StoreDbContext>().Products.AsNoTracking()
                .Where(p => p.Id >= from && p.Id <= to).OrderBy(p => p.Id)
                .Select(p => CatalogParity.Row(p.Id, p.Name, p.Description, p.PriceCents, p.CategoryId))
                .AsAsyncEnumerable());
        app.MapParity(CatalogParity.OwnerPrefix + "/categories", (context, from, to) =>
            context.RequestServices.GetRequiredService<StoreDbContext>().Categories.AsNoTracking()
                .Where(c => c.Id >= from && c.Id <= to).OrderBy(c => c.Id)
                .Select(c => CatalogParity.Category(c.Id, c.Slug, c.Name))
                .AsAsyncEnumerable());
        return app;
    }

    private static async Task<Results<Ok<List<ProductSnapshot>>, ValidationProblem>> ListProducts(
        HttpContext context, StoreDbContext db, int? afterId, int? limit, CancellationToken cancellationToken)
    {
        if (SyncPaging.LimitError(limit) is { } error)
        {
            return error;
        }
        var products = db.Products.IgnoreQueryFilters().AsNoTracking();
        context.Response.Headers["X-Total-Count"] = (await products.CountAsync(cancellationToken)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var rows = await products.Where(p => p.Id > (afterId ?? 0)).OrderBy(p => p.Id).Take(limit ?? 100)
            .Select(p => new { p.Id, p.Version, p.ChangedAt, p.IsDeleted, p.Name, p.Description, p.PriceCents, p.CategoryId })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(p =>
            new ProductSnapshot(p.Id, p.Version, SyncPaging.Utc(p.ChangedAt), p.IsDeleted, p.Name, p.Description, p.PriceCents, p.CategoryId)).ToList());
    }

    private static async Task<Ok<List<CategorySnapshot>>> ListCategories(StoreDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.Categories.AsNoTracking().OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.Version, c.ChangedAt, c.Slug, c.Name }).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(c => new CategorySnapshot(c.Id, c.Version, SyncPaging.Utc(c.ChangedAt), c.Slug, c.Name)).ToList());
    }

    /// <summary>
    /// Products and categories changed strictly after <paramref name="since"/>, oldest first: about
    /// <paramref name="limit"/> of them, never cutting a group that shares one change time (the seed's rows all do).
    /// </summary>
    private static async Task<Results<Ok<List<ChangeMark>>, ValidationProblem>> ListChanges(
        StoreDbContext db, DateTimeOffset? since, int? limit, CancellationToken cancellationToken)
    {
        if (SyncPaging.LimitError(limit) is { } error)
        {
            return error;
        }
        return TypedResults.Ok(await ChangePages.PageAsync(since, limit ?? 100, cancellationToken,
            new ChangeSource<Catalog.Product>(db.Products.IgnoreQueryFilters().AsNoTracking(), Streams.Product),
            new ChangeSource<Catalog.Category>(db.Categories.AsNoTracking(), Streams.Category)));
    }
}
