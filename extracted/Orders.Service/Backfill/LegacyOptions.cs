using System.ComponentModel.DataAnnotations;

namespace Orders.Service.Backfill;

/// <summary>Where the monolith answers (section <c>Legacy</c>).</summary>
internal sealed record LegacyOptions
{
    public const string Section = "Legacy";

    [Required, Url]
    public string BaseUrl { get; init; } = "http://127.0.0.1:5100";

    [Range(1, 100)]
    public int PageSize { get; init; } = 100;
}
