using System.ComponentModel.DataAnnotations;

namespace Migration.Messaging.Backfill;

/// <summary>Where the monolith's sync feed answers, for a service's backfill and lag (section <c>Legacy</c>).</summary>
public sealed record LegacyOptions
{
    public const string Section = "Legacy";

    [Required, Url]
    public string BaseUrl { get; init; } = "http://127.0.0.1:5100";

    /// <summary>Records per backfill page.</summary>
    [Range(1, 100)]
    public int PageSize { get; init; } = 100;
}
