using Microsoft.EntityFrameworkCore;
using Migration.Messaging.Storage;
using Orders.Service.Data;

namespace Orders.Service.Tests.Infrastructure;

/// <summary>The service's database in a file of its own, migrated as the host migrates it, for tests that need no host.</summary>
internal sealed class TestDatabase : IDisposable
{
    private readonly TempFolder _folder = new();
    private bool _migrated;

    public async Task<OrdersDbContext> OpenAsync(params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] interceptors)
    {
        var options = new DbContextOptionsBuilder<OrdersDbContext>()
            .UseSqlite($"Data Source={_folder.File("orders.db")}")
            .AddInterceptors(interceptors)
            .Options;
        var db = new OrdersDbContext(options);
        if (!_migrated)
        {
            await db.Database.MigrateOwnDatabaseAsync(CancellationToken.None);
            _migrated = true;
        }
        return db;
    }

    public void Dispose() => _folder.Dispose();
}
