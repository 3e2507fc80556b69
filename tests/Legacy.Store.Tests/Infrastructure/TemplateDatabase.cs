using Legacy.Store.Customers;
using Legacy.Store.Data;
using Legacy.Store.Data.Seed;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Legacy.Store.Tests.Infrastructure;

/// <summary>
/// One migrated and seeded database per test run; each test class starts from its own copy of it, so classes
/// stay independent without paying for the seed every time.
/// </summary>
internal static class TemplateDatabase
{
    private static readonly Lazy<Task<string>> Template = new(CreateAsync);

    public static async Task CopyToAsync(string path)
    {
        File.Copy(await Template.Value, path, overwrite: true);
    }

    /// <summary>Migrates and seeds an empty database file the way the app's initializer does.</summary>
    public static async Task SeedAsync(string path)
    {
        var options = new DbContextOptionsBuilder<StoreDbContext>().UseSqlite($"Data Source={path};Pooling=False").Options;
        await using var db = new StoreDbContext(options);
        await db.Database.MigrateAsync();
        await new StoreSeeder(new PasswordHashing(), NullLogger<StoreSeeder>.Instance).SeedAsync(db, CancellationToken.None);
    }

    private static async Task<string> CreateAsync()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("legacy-store-template-").FullName, "template.db");
        await SeedAsync(path);
        SqliteConnection.ClearAllPools();
        return path;
    }
}
