using Legacy.Store.Contracts;
using Legacy.Store.Customers;
using Legacy.Store.Data;
using Legacy.Store.Orders;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Legacy.Store.Pages.Orders;

internal sealed class OrderDetailsModel(StoreDbContext db, OrderService orders) : PageModel
{
    public OrderDto Order { get; private set; } = null!;
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await db.FindOrderAsync(User.CustomerId()!.Value, id, cancellationToken) is not { } order)
        {
            return NotFound();
        }
        Order = order;
        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(int id, CancellationToken cancellationToken)
    {
        var result = await orders.CancelAsync(User.CustomerId()!.Value, id, cancellationToken);
        if (result is CancelOrderResult.Cancelled)
        {
            return new SeeOtherResult($"/orders/{id}");
        }
        if (result is CancelOrderResult.NotCancellable refused && await db.FindOrderAsync(User.CustomerId()!.Value, id, cancellationToken) is { } order)
        {
            Order = order;
            Error = $"This order is {refused.Status} and can no longer be cancelled.";
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        return NotFound();
    }
}
