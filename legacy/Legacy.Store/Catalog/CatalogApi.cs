using Legacy.Store.Contracts;
using Legacy.Store.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Legacy.Store.Catalog;

/// <summary>
/// The catalog read API. Catalog.Service serves the same three endpoints through the same contract helpers,
/// and a test compares both byte for byte: keep these on <see cref="ProductQuery"/>, <see cref="PagingHeaders"/>
/// and <see cref="ETags"/>.
/// </summary>
internal static class CatalogApi
{
    public static IEndpointRouteBuilder MapCatalogApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/products", ListProducts);
        app.MapGet("/api/products/{id:int}", GetProduct);
        app.MapGet("/api/categories", ListCategories);
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<ProductDto>>, ValidationProblem>> ListProducts(
        HttpContext context, StoreDbContext db,
        string? page, string? pageSize, string? category, string? search, string? sort,
        CancellationToken cancellationToken)
    {
        var query = ProductQuery.TryParse(page, pageSize, category, search, sort, out var errors);
        if (query is null)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var (items, total) = await db.ListAsync(query, cancellationToken);
        PagingHeaders.Write(context, query, total);
        return TypedResults.Ok(items);
    }

    private static async Task<IResult> GetProduct(int id, HttpContext context, StoreDbContext db, CancellationToken cancellationToken)
    {
        var product = await db.FindProductAsync(id, cancellationToken);
        return product is null ? TypedResults.NotFound() : ETags.JsonWithETag(context, product);
    }

    private static async Task<Ok<IReadOnlyList<CategoryDto>>> ListCategories(StoreDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.ListCategoriesAsync(cancellationToken));
}
