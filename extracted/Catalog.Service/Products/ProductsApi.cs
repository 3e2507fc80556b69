using Catalog.Service.Data;
using Legacy.Store.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Service.Products;

/// <summary>The monolith's product read API, served from this service's own database.</summary>
internal static class ProductsApi
{
    public static IEndpointRouteBuilder MapProductsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/products").WithTags("Products");
        group.MapGet("", ListAsync).WithName("ListProducts");
        group.MapGet("/{id:int}", GetAsync).WithName("GetProduct");
        return app;
    }

    private static async Task<Results<Ok<List<ProductDto>>, ValidationProblem>> ListAsync(
        HttpContext context, CatalogDbContext db,
        string? page, string? pageSize, string? category, string? search, string? sort,
        CancellationToken cancellationToken)
    {
        var query = ProductQuery.TryParse(page, pageSize, category, search, sort, out var errors);
        if (query is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var filtered = db.Products.AsNoTracking().Filter(query);
        var total = await filtered.CountAsync(cancellationToken);
        var items = await filtered.Sort(query.Sort)
            .Skip(query.Skip).Take(query.PageSize)
            .ToDto()
            .ToListAsync(cancellationToken);

        PagingHeaders.Write(context, query, total);
        return TypedResults.Ok(items);
    }

    // IResult rather than a union: the shared ETag helper decides between 200 and 304.
    private static async Task<IResult> GetAsync(
        int id, HttpContext context, CatalogDbContext db, CancellationToken cancellationToken)
    {
        var product = await db.Products.AsNoTracking().Where(p => p.Id == id).ToDto().FirstOrDefaultAsync(cancellationToken);
        return product is null ? TypedResults.NotFound() : ETags.JsonWithETag(context, product);
    }
}
