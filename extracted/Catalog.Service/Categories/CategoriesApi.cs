using Catalog.Service.Data;
using Legacy.Store.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Service.Categories;

internal static class CategoriesApi
{
    public static IEndpointRouteBuilder MapCategoriesApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/categories").WithTags("Categories")
            .MapGet("", ListAsync).WithName("ListCategories");
        return app;
    }

    private static async Task<Ok<List<CategoryDto>>> ListAsync(CatalogDbContext db, CancellationToken cancellationToken)
    {
        // The count comes from this service's products, never from a copied number that could drift.
        var categories = await db.Categories.AsNoTracking()
            .OrderBy(c => c.Name).ThenBy(c => c.Id)
            .Select(c => new CategoryDto(c.Id, c.Slug, c.Name, c.Products.Count))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(categories);
    }
}
