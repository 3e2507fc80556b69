using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Migration.Messaging.Storage;

/// <summary>Where an extracted service keeps its own data (and its durable inbox/outbox): resolved once per host.</summary>
public sealed record ServiceDatabase(DatabaseProvider Provider, string ConnectionString);

public static class ServiceDatabaseExtensions
{
    /// <summary>
    /// The service's own database: SQLite (<paramref name="defaultSqlite"/> unless <c>ConnectionStrings:{name}</c> says
    /// otherwise) or PostgreSQL (<c>Database:Provider</c>, which then needs the connection string). Migrations run before
    /// the server starts, and before any hosted service registered after this call.
    /// </summary>
    public static ServiceDatabase AddServiceDatabase<TContext>(this WebApplicationBuilder builder, string connectionStringName, string defaultSqlite)
        where TContext : DbContext
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var database = Resolve(builder, connectionStringName, defaultSqlite);
        ((IHostApplicationBuilder)builder).Properties[typeof(ServiceDatabase)] = database;
        builder.Services.AddSingleton(database);
        builder.Services.AddDbContext<TContext>(options => options.UseDatabase(database.Provider, database.ConnectionString));
        builder.Services.AddHostedService<DatabaseMigrator<TContext>>();
        return database;
    }

    /// <summary>The database <see cref="AddServiceDatabase{TContext}"/> resolved for this host.</summary>
    public static ServiceDatabase ServiceDatabase(this WebApplicationBuilder builder) =>
        ((IHostApplicationBuilder)builder).Properties.TryGetValue(typeof(ServiceDatabase), out var database)
            ? (ServiceDatabase)database
            : throw new InvalidOperationException("AddServiceDatabase must come first: it names the service's own database.");

    private static ServiceDatabase Resolve(WebApplicationBuilder builder, string name, string defaultSqlite)
    {
        var configured = builder.Configuration.GetConnectionString(name);
        var provider = DatabaseOptions.ProviderIn(builder.Configuration);
        if (provider == DatabaseProvider.Postgres)
        {
            return string.IsNullOrWhiteSpace(configured)
                ? throw new InvalidOperationException($"ConnectionStrings:{name} is required when Database:Provider is Postgres.")
                : new(provider, configured);
        }
        return new(provider, DatabaseProviderExtensions.ResolveSqliteFile(configured ?? defaultSqlite, builder.Environment.ContentRootPath, out _));
    }

    private sealed class DatabaseMigrator<TContext>(IServiceScopeFactory scopes) : IHostedService where TContext : DbContext
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<TContext>().Database.MigrateOwnDatabaseAsync(cancellationToken);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
