using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Migration.Messaging.Storage;

namespace Catalog.Service.Data;

internal static class DatabaseExtensions
{
    public const string ConnectionStringName = "Catalog";
    private const string DefaultConnectionString = "Data Source=.data/catalog.db";

    /// <summary>The service's own database (SQLite file, or PostgreSQL); migrations are applied before the server starts.</summary>
    public static WebApplicationBuilder AddCatalogDatabase(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var provider = DatabaseOptions.ProviderIn(builder.Configuration);
        var connectionString = builder.CatalogConnectionString();
        builder.Services.AddDbContext<CatalogDbContext>(options => options.UseDatabase(provider, connectionString));
        builder.Services.AddHostedService<DatabaseMigrator>();
        return builder;
    }

    /// <summary>The service's own database, which also holds its durable inbox.</summary>
    public static string CatalogConnectionString(this WebApplicationBuilder builder)
    {
        var raw = builder.Configuration.GetConnectionString(ConnectionStringName) ?? DefaultConnectionString;
        return DatabaseOptions.ProviderIn(builder.Configuration) == DatabaseProvider.Postgres
            ? raw
            : ResolveConnectionString(raw, builder.Environment.ContentRootPath);
    }

    /// <summary>
    /// Resolves a relative <c>Data Source</c> against the content root (not the working directory, which
    /// differs between <c>dotnet run</c>, the app host and tests) and creates its folder.
    /// </summary>
    public static string ResolveConnectionString(string connectionString, string contentRoot)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(csb.DataSource) || csb.DataSource == ":memory:" || csb.Mode == SqliteOpenMode.Memory)
        {
            return connectionString;
        }
        var path = Path.GetFullPath(csb.DataSource, contentRoot);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        csb.DataSource = path;
        return csb.ToString();
    }
}

// Registered before the backfill worker; hosted services start in order, so the schema exists before any run.
internal sealed class DatabaseMigrator(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<CatalogDbContext>().Database;
        await database.MigrateAsync(cancellationToken);
        if (database.IsSqlite())
        {
            // Reads (the API, lag, verify, Wolverine's durability agent) no longer block the inbox and the handlers.
            await database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
