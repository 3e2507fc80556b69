using Legacy.Store.Data.Seed;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Legacy.Store.Data;

internal static class StoreDatabaseExtensions
{
    public const string ConnectionStringName = "Store";

    /// <summary>Registers the database, its initializer (migrate + seed) and data-protection keys next to it.</summary>
    public static WebApplicationBuilder AddStoreDatabase(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var connectionString = ResolveSqlite(
            builder.Configuration.GetConnectionString(ConnectionStringName)
                ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} is not configured."),
            builder.Environment.ContentRootPath,
            out var dataDirectory);

        builder.Services.AddDbContext<StoreDbContext>(o => o.UseSqlite(connectionString));
        builder.Services.AddSingleton<StoreSeeder>();
        builder.Services.AddHostedService<StoreDatabaseInitializer>();

        // Keys live beside the database so sign-in cookies survive a restart of the store.
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("Legacy.Store");
        if (dataDirectory is not null)
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")));
        }
        return builder;
    }

    /// <summary>Makes a relative <c>Data Source</c> absolute against the content root and creates its folder.</summary>
    public static string ResolveSqlite(string connectionString, string contentRoot, out string? dataDirectory)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        dataDirectory = null;
        if (string.IsNullOrEmpty(csb.DataSource) || csb.DataSource == ":memory:" || csb.Mode == SqliteOpenMode.Memory)
        {
            return csb.ConnectionString;
        }
        csb.DataSource = Path.GetFullPath(csb.DataSource, contentRoot);
        dataDirectory = Path.GetDirectoryName(csb.DataSource)!;
        Directory.CreateDirectory(dataDirectory);
        return csb.ConnectionString;
    }
}
