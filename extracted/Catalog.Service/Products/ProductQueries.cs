using Catalog.Service.Data;
using Legacy.Store.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Catalog.Service.Products;

internal static class ProductQueries
{
    public static IQueryable<Product> Filter(this IQueryable<Product> products, ProductQuery query)
    {
        if (query.Category is not null)
        {
            products = products.Where(p => p.Category.Slug == query.Category);
        }
        if (query.Search is not null)
        {
            // Escaped so that % and _ in a search are plain characters: a substring match, nothing more.
            var pattern = "%" + EscapeLike(query.Search) + "%";
            products = products.Where(p => EF.Functions.Like(p.Name, pattern, "\\"));
        }
        return products;
    }

    /// <summary>Sorts by the given key with the id as tie-breaker, so pages never overlap.</summary>
    public static IQueryable<Product> Sort(this IQueryable<Product> products, string? sort) => sort switch
    {
        "name" => products.OrderBy(p => p.Name).ThenBy(p => p.Id),
        "-name" => products.OrderByDescending(p => p.Name).ThenBy(p => p.Id),
        "price" => products.OrderBy(p => p.PriceCents).ThenBy(p => p.Id),
        "-price" => products.OrderByDescending(p => p.PriceCents).ThenBy(p => p.Id),
        _ => products.OrderBy(p => p.Id),
    };

    public static IQueryable<ProductDto> ToDto(this IQueryable<Product> products) =>
        products.Select(p => new ProductDto(p.Id, p.Name, p.Description, Money.FromCents(p.PriceCents), p.CategoryId, p.Category.Slug));

    internal static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
