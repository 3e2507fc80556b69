using Legacy.Store.Data;
using Microsoft.EntityFrameworkCore;
using Migration.Messaging.Events;

namespace Legacy.Store.Inventory;

/// <summary>Stock taken and given back, inside the caller's transaction: the monolith's orders and reservations alike.</summary>
internal static class StockMoves
{
    /// <summary>Takes every line or, at the first line short of stock, stops and names it (the caller rolls back).</summary>
    public static async Task<StockShortage?> TakeAsync(StoreDbContext db, IEnumerable<(int ProductId, int Quantity)> lines, CancellationToken cancellationToken)
    {
        foreach (var (productId, quantity) in lines)
        {
            // The guard in the WHERE clause makes check-and-decrement one atomic statement.
            var taken = await db.Stock
                .Where(s => s.ProductId == productId && s.OnHand >= quantity)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.OnHand, x => x.OnHand - quantity).SetProperty(x => x.Version, x => x.Version + 1), cancellationToken);
            if (taken == 0)
            {
                var onHand = await db.Stock.Where(s => s.ProductId == productId).Select(s => s.OnHand).SingleOrDefaultAsync(cancellationToken);
                return new StockShortage(productId, onHand, quantity);
            }
        }
        return null;
    }

    public static async Task ReturnAsync(StoreDbContext db, IEnumerable<(int ProductId, int Quantity)> lines, CancellationToken cancellationToken)
    {
        foreach (var (productId, quantity) in lines)
        {
            await db.Stock.Where(s => s.ProductId == productId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.OnHand, x => x.OnHand + quantity).SetProperty(x => x.Version, x => x.Version + 1), cancellationToken);
        }
    }
}
