using Legacy.Store.Catalog;
using Legacy.Store.Contracts;
using Legacy.Store.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Legacy.Store.Pages;

internal sealed class IndexModel(StoreDbContext db) : PageModel
{
    public IReadOnlyList<CategoryDto> Categories { get; private set; } = [];
    public int ProductCount => Categories.Sum(c => c.ProductCount);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Categories = await db.ListCategoriesAsync(cancellationToken);
}
