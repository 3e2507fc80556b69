using Legacy.Store.Contracts;
using Legacy.Store.Customers;
using Legacy.Store.Data;
using Legacy.Store.Orders;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Legacy.Store.Pages.Orders;

internal sealed class OrderListModel(StoreDbContext db) : PageModel
{
    private const int PageSize = 20;

    public IReadOnlyList<OrderDto> Orders { get; private set; } = [];
    public int Total { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public int LastPage => Math.Max(1, (int)Math.Ceiling(Total / (double)PageSize));

    // "page" is a reserved route value in Razor Pages, hence the query string.
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = int.TryParse(Request.Query["page"], out var page) ? Math.Max(1, page) : 1;
        (Orders, Total) = await db.ListOrdersAsync(User.CustomerId()!.Value, (PageNumber - 1) * PageSize, PageSize, cancellationToken);
    }
}
