using Legacy.Store.Contracts;
using Legacy.Store.Customers;
using Legacy.Store.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Legacy.Store.Catalog;

internal sealed record PriceChange(decimal Price);

/// <summary>Back-office price changes: staff only.</summary>
internal static class PricesApi
{
    public const decimal MaxPrice = 1_000_000m;

    public static IEndpointRouteBuilder MapPricesApi(this IEndpointRouteBuilder app)
    {
        app.MapPut("/api/products/{id:int}/price", ChangePrice).RequireAuthorization(StoreAuth.StaffPolicy);
        return app;
    }

    private static async Task<Results<NoContent, ValidationProblem, NotFound>> ChangePrice(
        int id, PriceChange change, StoreDbContext db, ILogger<PriceChange> logger, CancellationToken cancellationToken)
    {
        if (change.Price <= 0 || change.Price > MaxPrice || decimal.Round(change.Price, 2) != change.Price)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["price"] = [$"price must be greater than 0 and at most {MaxPrice}, with at most two decimals."],
            });
        }
        var cents = Money.ToCents(change.Price);
        var updated = await db.Products.Where(p => p.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.PriceCents, cents), cancellationToken);
        if (updated == 0)
        {
            return TypedResults.NotFound();
        }
        logger.LogInformation("Price of product {ProductId} set to {PriceCents} cents", id, cents);
        return TypedResults.NoContent();
    }
}
