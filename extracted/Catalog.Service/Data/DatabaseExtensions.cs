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
        var configured = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (DatabaseOptions.ProviderIn(builder.Configuration) == DatabaseProvider.Postgres)
        {
            return string.IsNullOrWhiteSpace(configured)
                ? throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} is required when Database:Provider is Postgres.")
                : configured;
        }
        return DatabaseProviderExtensions.ResolveSqliteFile(configured ?? DefaultConnectionString, builder.Environment.ContentRootPath, out _);
    }

}

// Registered before the backfill worker; hosted services start in order, so the schema exists before any run.
internal sealed class DatabaseMigrator(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<CatalogDbContext>().Database;
        await database.MigrateOwnDatabaseAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
