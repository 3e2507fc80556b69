using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

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
}
