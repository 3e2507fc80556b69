using Legacy.Store.Contracts;
using Legacy.Store.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Migration.Messaging.Events;

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
        return app;
    }

    private static async Task<Results<Ok<List<ProductSnapshot>>, ValidationProblem>> ListProducts(
        HttpContext context, StoreDbContext db, int? afterId, int? limit, CancellationToken cancellationToken)
    {
        if (LimitError(limit) is { } error)
        {
            return error;
        }
        var products = db.Products.IgnoreQueryFilters().AsNoTracking();
        context.Response.Headers["X-Total-Count"] = (await products.CountAsync(cancellationToken)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var rows = await products.Where(p => p.Id > (afterId ?? 0)).OrderBy(p => p.Id).Take(limit ?? 100)
            .Select(p => new { p.Id, p.Version, p.ChangedAt, p.IsDeleted, p.Name, p.Description, p.PriceCents, p.CategoryId })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(p =>
            new ProductSnapshot(p.Id, p.Version, Utc(p.ChangedAt), p.IsDeleted, p.Name, p.Description, p.PriceCents, p.CategoryId)).ToList());
    }

    private static async Task<Ok<List<CategorySnapshot>>> ListCategories(StoreDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.Categories.AsNoTracking().OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.Version, c.ChangedAt, c.Slug, c.Name }).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(c => new CategorySnapshot(c.Id, c.Version, Utc(c.ChangedAt), c.Slug, c.Name)).ToList());
    }

    /// <summary>Products and categories changed at or after <paramref name="since"/>, oldest first.</summary>
    private static async Task<Results<Ok<List<ChangeMark>>, ValidationProblem>> ListChanges(
        StoreDbContext db, DateTimeOffset? since, int? limit, CancellationToken cancellationToken)
    {
        if (LimitError(limit) is { } error)
        {
            return error;
        }
        var from = (since ?? DateTimeOffset.MinValue).UtcDateTime;
        var take = limit ?? 100;
        var products = await db.Products.IgnoreQueryFilters().AsNoTracking().Where(p => p.ChangedAt >= from)
            .OrderBy(p => p.ChangedAt).Take(take).Select(p => new { p.Id, p.Version, p.ChangedAt }).ToListAsync(cancellationToken);
        var categories = await db.Categories.AsNoTracking().Where(c => c.ChangedAt >= from)
            .OrderBy(c => c.ChangedAt).Take(take).Select(c => new { c.Id, c.Version, c.ChangedAt }).ToListAsync(cancellationToken);
        var marks = products.Select(p => new ChangeMark(Streams.Product, p.Id, p.Version, Utc(p.ChangedAt)))
            .Concat(categories.Select(c => new ChangeMark(Streams.Category, c.Id, c.Version, Utc(c.ChangedAt))))
            .OrderBy(m => m.ChangedAt).Take(take).ToList();
        return TypedResults.Ok(marks);
    }

    private static ValidationProblem? LimitError(int? limit) => limit is < 1 or > SyncRoutes.MaxLimit
        ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"limit must be between 1 and {SyncRoutes.MaxLimit}."] })
        : null;

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
