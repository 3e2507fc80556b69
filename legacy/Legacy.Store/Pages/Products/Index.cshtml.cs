using System.Globalization;
using Legacy.Store.Catalog;
using Legacy.Store.Contracts;
using Legacy.Store.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Legacy.Store.Pages.Products;

/// <summary>The product list page; it takes exactly the query parameters of <c>GET /api/products</c>.</summary>
internal sealed class ProductListModel(StoreDbContext db) : PageModel
{
    public static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public ProductQuery? Query { get; private set; }
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public IReadOnlyList<ProductDto> Items { get; private set; } = [];
    public IReadOnlyList<CategoryDto> Categories { get; private set; } = [];
    public int Total { get; private set; }
    public int LastPage => Query is null ? 1 : Math.Max(1, (int)Math.Ceiling(Total / (double)Query.PageSize));

    // Read from the query string directly: "page" is a reserved route value in Razor Pages.
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Categories = await db.ListCategoriesAsync(cancellationToken);
        var q = Request.Query;
        Query = ProductQuery.TryParse(q["page"], q["pageSize"], q["category"], q["search"], q["sort"], out var errors);
        if (Query is null)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        (Items, Total) = await db.ListAsync(Query, cancellationToken);
    }

    public string PageUrl(int page)
    {
        var url = $"/products?page={page}&pageSize={Query!.PageSize}";
        if (Query.Category is not null) url += "&category=" + Uri.EscapeDataString(Query.Category);
        if (Query.Search is not null) url += "&search=" + Uri.EscapeDataString(Query.Search);
        if (Query.Sort is not null) url += "&sort=" + Uri.EscapeDataString(Query.Sort);
        return url;
    }
}
