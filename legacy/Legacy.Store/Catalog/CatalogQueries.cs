using Legacy.Store.Contracts;
using Legacy.Store.Data;
using Microsoft.EntityFrameworkCore;

namespace Legacy.Store.Catalog;

/// <summary>The catalog reads shared by the JSON API and the HTML pages, so both show the same products.</summary>
internal static class CatalogQueries
{
    public static async Task<(IReadOnlyList<ProductDto> Items, int Total)> ListAsync(
        this StoreDbContext db, ProductQuery query, CancellationToken cancellationToken)
    {
        var products = db.Products.AsNoTracking();
        if (query.Category is not null)
        {
            products = products.Where(p => p.Category!.Slug == query.Category);
        }
        if (query.Search is not null)
        {
            var pattern = "%" + EscapeLike(query.Search) + "%";
            products = products.Where(p => EF.Functions.Like(p.Name, pattern, "\\"));
        }
        var total = await products.CountAsync(cancellationToken);
        var page = await Sort(products, query.Sort)
            .Skip(query.Skip)
            .Take(query.PageSize)
            .Select(p => new { p.Id, p.Name, p.Description, p.PriceCents, p.CategoryId, p.Category!.Slug })
            .ToListAsync(cancellationToken);
        return (page.Select(p => new ProductDto(p.Id, p.Name, p.Description, Money.FromCents(p.PriceCents), p.CategoryId, p.Slug)).ToList(), total);
    }

    public static async Task<ProductDto?> FindProductAsync(this StoreDbContext db, int id, CancellationToken cancellationToken)
    {
        var p = await db.Products.AsNoTracking()
            .Where(p => p.Id == id)
            .Select(p => new { p.Id, p.Name, p.Description, p.PriceCents, p.CategoryId, p.Category!.Slug })
            .SingleOrDefaultAsync(cancellationToken);
        return p is null ? null : new ProductDto(p.Id, p.Name, p.Description, Money.FromCents(p.PriceCents), p.CategoryId, p.Slug);
    }

    public static async Task<IReadOnlyList<CategoryDto>> ListCategoriesAsync(this StoreDbContext db, CancellationToken cancellationToken) =>
        await db.Categories.AsNoTracking()
            .OrderBy(c => c.Name)
            .Select(c => new CategoryDto(c.Id, c.Slug, c.Name, c.Products.Count))
            .ToListAsync(cancellationToken);

    // Id breaks ties so that paging is stable whatever the sort.
    private static IQueryable<Product> Sort(IQueryable<Product> products, string? sort) => sort switch
    {
        "name" => products.OrderBy(p => p.Name).ThenBy(p => p.Id),
        "-name" => products.OrderByDescending(p => p.Name).ThenBy(p => p.Id),
        "price" => products.OrderBy(p => p.PriceCents).ThenBy(p => p.Id),
        "-price" => products.OrderByDescending(p => p.PriceCents).ThenBy(p => p.Id),
        _ => products.OrderBy(p => p.Id),
    };

    private static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
