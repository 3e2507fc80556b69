using Microsoft.EntityFrameworkCore;

namespace Migration.Facade.Flags;

internal sealed class FlagDbContextInitializer(IDbContextFactory<FlagDbContext> contexts)
{
    public async Task MigrateAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Database.MigrateAsync(ct);
        // WAL lets the pollers of several instances read while one of them writes (PostgreSQL needs nothing of the kind).
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }
}
