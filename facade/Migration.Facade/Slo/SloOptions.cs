using System.ComponentModel.DataAnnotations;

namespace Migration.Facade.Slo;

/// <summary>
/// A slice's service-level objectives for its extracted side (<c>Slices:&lt;name&gt;:Slo</c>). Every limit is optional;
/// relative limits compare with the monolith's latency on the same slice over the same window.
/// </summary>
internal sealed record SloOptions
{
    [Range(0.0, 1.0)] public double? MaxErrorRate { get; init; }
    [Range(0.001, 600_000)] public double? MaxP95Ms { get; init; }
    [Range(0.001, 600_000)] public double? MaxP99Ms { get; init; }
    [Range(1.0, 1000)] public double? MaxP95RelativeToLegacy { get; init; }
    [Range(1.0, 1000)] public double? MaxP99RelativeToLegacy { get; init; }

    /// <summary>Fewer extracted requests than this in the window is too little evidence to roll back on.</summary>
    [Range(1, int.MaxValue)] public int MinRequests { get; init; } = 20;

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Window { get; init; } = TimeSpan.FromSeconds(30);
}

/// <summary>The <c>Slo</c> section: how often the guard evaluates.</summary>
internal sealed record SloGuardOptions
{
    public const string Section = "Slo";

    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan EvaluationInterval { get; init; } = TimeSpan.FromSeconds(2);
}
