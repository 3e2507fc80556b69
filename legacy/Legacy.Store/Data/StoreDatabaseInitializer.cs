using System.Diagnostics;
using Legacy.Store.Data.Seed;
using Microsoft.EntityFrameworkCore;
using Migration.Messaging.Storage;

namespace Legacy.Store.Data;

/// <summary>
/// Applies migrations and seeds an empty database before the server starts listening
/// (hosted services start ahead of Kestrel), so the first request never sees a half-built store.
/// </summary>
internal sealed class StoreDatabaseInitializer(
    IServiceScopeFactory scopes, StoreSeeder seeder, ILogger<StoreDatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StoreDbContext>();
        await db.Database.MigrateOwnDatabaseAsync(cancellationToken);
        if (await db.Products.AnyAsync(cancellationToken))
        {
            logger.LogInformation("Store database ready in {Elapsed} ms", clock.ElapsedMilliseconds);
            return;
        }
        await seeder.SeedAsync(db, cancellationToken);
        logger.LogInformation("Store database migrated and seeded in {Elapsed} ms", clock.ElapsedMilliseconds);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
