using Legacy.Store.Catalog;
using Legacy.Store.Contracts;
using Legacy.Store.Customers;
using Legacy.Store.Data;
using Legacy.Store.Orders;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Legacy.Store.Pages.Products;

internal sealed class ProductDetailsModel(StoreDbContext db, OrderService orders) : PageModel
{
    public ProductDto Product { get; private set; } = null!;
    public int OnHand { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    /// <summary><c>POST /products/{id}/buy</c>: one line, then 303 to the new order's page.</summary>
    public async Task<IActionResult> OnPostBuyAsync(int id, int quantity, CancellationToken cancellationToken)
    {
        if (User.CustomerId() is not { } customerId)
        {
            return new SeeOtherResult("/account/login?returnUrl=" + Uri.EscapeDataString($"/products/{id}"));
        }
        var result = await orders.PlaceAsync(customerId, [new OrderLineRequest(id, quantity)], cancellationToken);
        if (result is PlaceOrderResult.Placed placed)
        {
            return new SeeOtherResult($"/orders/{placed.Order.Id}");
        }
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        (Error, Response.StatusCode) = result switch
        {
            PlaceOrderResult.OutOfStock s => ($"Only {s.OnHand} left in stock.", StatusCodes.Status409Conflict),
            PlaceOrderResult.Invalid i => (string.Join(" ", i.Errors.SelectMany(e => e.Value)), StatusCodes.Status400BadRequest),
            _ => ("The order could not be placed.", StatusCodes.Status400BadRequest),
        };
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await db.FindProductAsync(id, cancellationToken) is not { } product)
        {
            return false;
        }
        Product = product;
        OnHand = await db.Stock.Where(s => s.ProductId == id).Select(s => s.OnHand).SingleOrDefaultAsync(cancellationToken);
        return true;
    }
}
