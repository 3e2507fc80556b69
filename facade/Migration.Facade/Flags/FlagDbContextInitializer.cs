using Microsoft.EntityFrameworkCore;
using Migration.Messaging.Storage;

namespace Migration.Facade.Flags;

internal sealed class FlagDbContextInitializer(IDbContextFactory<FlagDbContext> contexts)
{
    public async Task MigrateAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Database.MigrateOwnDatabaseAsync(ct);
    }
}
