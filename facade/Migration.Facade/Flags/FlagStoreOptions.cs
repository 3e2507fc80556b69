using System.ComponentModel.DataAnnotations;

namespace Migration.Facade.Flags;

internal sealed record FlagStoreOptions
{
    public const string Section = "FlagStore";

    /// <summary>SQLite connection string; a relative Data Source is resolved against the content root.</summary>
    [Required] public string ConnectionString { get; init; } = "Data Source=.data/facade-flags.db";

    /// <summary>How often every instance re-reads the store, so a flip elsewhere arrives in well under a second.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:30")]
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(250);
}
