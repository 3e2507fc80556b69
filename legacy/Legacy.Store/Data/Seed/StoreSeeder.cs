using Legacy.Store.Customers;
using Microsoft.EntityFrameworkCore;

namespace Legacy.Store.Data.Seed;

/// <summary>Writes <see cref="StoreSeed"/> into an empty database in one transaction.</summary>
internal sealed class StoreSeeder(PasswordHashing passwords, ILogger<StoreSeeder> logger)
{
    private const int BatchSize = 2_000;

    public async Task SeedAsync(StoreDbContext db, CancellationToken cancellationToken)
    {
        // Hashing is deliberately slow, so each distinct demo password is hashed once and shared.
        var seed = StoreSeed.Create(
            passwords.Hash(DemoAccounts.CustomerPassword),
            passwords.Hash(DemoAccounts.StaffPassword));

        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await InsertAsync(db, seed.Categories, cancellationToken);
        await InsertAsync(db, seed.Products, cancellationToken);
        await InsertAsync(db, seed.Stock, cancellationToken);
        await InsertAsync(db, seed.Customers, cancellationToken);
        await InsertAsync(db, seed.Staff, cancellationToken);
        await OrderHistoryWriter.WriteAsync(db, seed.Orders, cancellationToken);
        await AdvanceIdentitiesAsync(db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = true;

        logger.LogInformation(
            "Seeded {Products} products in {Categories} categories, {Customers} customers and {Orders} orders",
            seed.Products.Count, seed.Categories.Count, seed.Customers.Count, seed.Orders.Count);
    }

    /// <summary>
    /// The seed writes its own ids; PostgreSQL's identity columns do not see those, so the next generated id would be 1.
    /// Moves each sequence past the seed (SQLite's AUTOINCREMENT does this by itself).
    /// </summary>
    private static async Task AdvanceIdentitiesAsync(StoreDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            return;
        }
        foreach (var table in new[] { "Categories", "Products", "Customers", "Staff", "Orders", "OrderLines" })
        {
#pragma warning disable EF1002 // the table names are constants of this method, not input
            await db.Database.ExecuteSqlRawAsync(
                $"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), (SELECT MAX(\"Id\") FROM \"{table}\"))", cancellationToken);
#pragma warning restore EF1002
        }
    }

    private static async Task InsertAsync<T>(StoreDbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        foreach (var batch in rows.Chunk(BatchSize))
        {
            db.AddRange(batch);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }
}
