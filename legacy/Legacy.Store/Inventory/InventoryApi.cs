using Legacy.Store.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Legacy.Store.Inventory;

internal sealed record StockDto(int ProductId, int OnHand);

internal static class InventoryApi
{
    public static IEndpointRouteBuilder MapInventoryApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/products/{id:int}/stock", GetStock);
        return app;
    }

    private static async Task<Results<Ok<StockDto>, NotFound>> GetStock(int id, StoreDbContext db, CancellationToken cancellationToken)
    {
        var stock = await db.Stock.AsNoTracking()
            .Where(s => s.ProductId == id && db.Products.Any(p => p.Id == id))
            .Select(s => new StockDto(s.ProductId, s.OnHand))
            .SingleOrDefaultAsync(cancellationToken);
        return stock is null ? TypedResults.NotFound() : TypedResults.Ok(stock);
    }
}
