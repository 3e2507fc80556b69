using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Migration.Messaging.Storage;

/// <summary>
/// The <c>Database</c> section of an owner (the monolith, a service): SQLite, a file, by default; or PostgreSQL, where
/// the owner's connection string names its own database on the server.
/// </summary>
public sealed record DatabaseOptions
{
    public const string Section = "Database";

    [Required]
    [AllowedValues("Sqlite", "Postgres", ErrorMessage = "Database:Provider must be \"Sqlite\" or \"Postgres\".")]
    public string Provider { get; init; } = "Sqlite";

    /// <summary>The provider named by <c>Database:Provider</c> in <paramref name="configuration"/> (SQLite when unset).</summary>
    public static DatabaseProvider ProviderIn(IConfiguration configuration) => DatabaseProviders.Parse(configuration[$"{Section}:Provider"]);
}
