using System.ComponentModel.DataAnnotations;

namespace Migration.Facade.Flags;

internal sealed record FlagStoreOptions
{
    public const string Section = "FlagStore";

    /// <summary>SQLite (a file, the default: instances on one machine share it) or Postgres (instances anywhere share it).</summary>
    [Required]
    [AllowedValues("Sqlite", "Postgres", ErrorMessage = "FlagStore:Provider must be \"Sqlite\" or \"Postgres\".")]
    public string Provider { get; init; } = "Sqlite";

    /// <summary>SQLite: a relative Data Source is resolved against the content root. Postgres: the flag store's database.</summary>
    [Required] public string ConnectionString { get; init; } = "Data Source=.data/facade-flags.db";

    /// <summary>How often every instance re-reads the store, so a flip elsewhere arrives in well under a second.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:30")]
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Where the last good slice states are kept, for a start while the store cannot be read (relative: the content root).</summary>
    [Required] public string SnapshotFile { get; init; } = ".data/facade-flags.snapshot.json";
}
