using Migration.Messaging.Storage;

namespace Legacy.Store.Data;

/// <summary>
/// Where the database (and the data-protection keys beside it) live: resolved once per host (<see cref="Of"/>), so the
/// store's DbContext and its outbox can never point at two different databases.
/// </summary>
internal sealed class StoreDatabaseLocation
{
    /// <summary>The host's one location, resolved on first use and registered as a singleton.</summary>
    public static StoreDatabaseLocation Of(WebApplicationBuilder builder)
    {
        var properties = ((IHostApplicationBuilder)builder).Properties;
        if (properties.TryGetValue(typeof(StoreDatabaseLocation), out var known))
        {
            return (StoreDatabaseLocation)known;
        }
        var location = new StoreDatabaseLocation(builder.Configuration, builder.Environment);
        properties[typeof(StoreDatabaseLocation)] = location;
        builder.Services.AddSingleton(location);
        return location;
    }

    public StoreDatabaseLocation(IConfiguration configuration, IHostEnvironment environment)
    {
        var raw = configuration.GetConnectionString(StoreDatabaseExtensions.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(raw))
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:{StoreDatabaseExtensions.ConnectionStringName} is not configured.");
        }
        Provider = DatabaseOptions.ProviderIn(configuration);
        ConnectionString = Resolve(Provider, raw, environment.ContentRootPath, out var directory);
        DataDirectory = directory;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The folder of the database file (PostgreSQL: the content root's <c>.data</c>); null for an in-memory database.</summary>
    public string? DataDirectory { get; }

    /// <summary>
    /// Makes a relative SQLite <c>Data Source</c> absolute against the content root and creates its folder; a
    /// PostgreSQL connection string is used as it is, with the data-protection keys under the content root.
    /// </summary>
    public static string Resolve(DatabaseProvider provider, string connectionString, string contentRoot, out string? dataDirectory)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            dataDirectory = Path.Combine(contentRoot, ".data");
            Directory.CreateDirectory(dataDirectory);
            return connectionString;
        }
        return DatabaseProviderExtensions.ResolveSqliteFile(connectionString, contentRoot, out dataDirectory);
    }
}
