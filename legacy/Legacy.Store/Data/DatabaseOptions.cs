using System.ComponentModel.DataAnnotations;

namespace Legacy.Store.Data;

/// <summary>The <c>Database</c> section. The provider is a setting so a team can see where PostgreSQL would go.</summary>
internal sealed record DatabaseOptions
{
    public const string Section = "Database";

    [Required]
    [AllowedValues("Sqlite", ErrorMessage = "Database:Provider must be \"Sqlite\" (the only provider Legacy.Store supports).")]
    public string Provider { get; init; } = "Sqlite";
}
