using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Migration.Messaging.Storage;

/// <summary>
/// The database an owner keeps its data, its outbox and its inbox in: SQLite (the embedded default, a file) or
/// PostgreSQL (a server, a database per owner). The same EF Core migrations serve both: they name no column types.
/// </summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public static class DatabaseProviders
{
    /// <summary>A <c>Provider</c> setting's value: <c>Postgres</c>, else SQLite (options validation refuses other values).</summary>
    public static DatabaseProvider Parse(string? value) =>
        string.Equals(value, "Postgres", StringComparison.Ordinal) ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
}

public static class DatabaseProviderExtensions
{
    /// <remarks>
    /// The migrations' model snapshot is SQLite's (where they are generated), so against PostgreSQL EF Core would always
    /// see "pending model changes" (other type names, identity columns); the migrations themselves name no types, so
    /// that check is switched off there.
    /// </remarks>
    public static DbContextOptionsBuilder UseDatabase(this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString) =>
        provider switch
        {
            DatabaseProvider.Postgres => options.UseNpgsql(connectionString)
                .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning)),
            _ => options.UseSqlite(connectionString),
        };

    /// <summary>
    /// Makes a relative SQLite <c>Data Source</c> absolute against <paramref name="contentRoot"/> (not the working
    /// directory, which differs between <c>dotnet run</c>, the app host and tests) and creates its folder; an in-memory
    /// database stays as it is. Null <paramref name="directory"/> when there is no file.
    /// </summary>
    public static string ResolveSqliteFile(string connectionString, string contentRoot, out string? directory)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        directory = null;
        if (string.IsNullOrEmpty(csb.DataSource) || csb.DataSource == ":memory:" || csb.Mode == SqliteOpenMode.Memory)
        {
            return csb.ConnectionString;
        }
        csb.DataSource = Path.GetFullPath(csb.DataSource, contentRoot);
        directory = Path.GetDirectoryName(csb.DataSource)!;
        Directory.CreateDirectory(directory);
        return csb.ConnectionString;
    }

    /// <summary>
    /// Applies the migrations; on SQLite also switches to WAL, so readers (the API, lag, verify, Wolverine's durability
    /// agent, other instances' pollers) no longer block the writer, nor it them. PostgreSQL needs nothing of the kind.
    /// </summary>
    public static async Task MigrateOwnDatabaseAsync(this DatabaseFacade database, CancellationToken cancellationToken)
    {
        await database.MigrateAsync(cancellationToken);
        if (database.IsSqlite())
        {
            await database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
