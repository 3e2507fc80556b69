namespace Migration.Facade.Contracts;

/// <summary>Live figures of one side of a slice over the analysis window.</summary>
public sealed record SideStatsDto(long Requests, long Errors, double ErrorRate, double? P95Ms, double? P99Ms);

/// <summary>
/// What the facade saw for one slice over <see cref="WindowSeconds"/>: each side's traffic, the share on the
/// extracted side, fallbacks to the monolith and the shadow comparison summary.
/// </summary>
public sealed record SliceTrafficDto(
    string Slice,
    string State,
    int WindowSeconds,
    SideStatsDto Legacy,
    SideStatsDto Extracted,
    double ExtractedShare,
    long Fallbacks,
    ShadowSummaryDto Shadow);

/// <summary>
/// Shadow comparison totals since the facade started. <see cref="ParityPercent"/> is null before any comparison;
/// <see cref="BelowMinParity"/> says it is under the slice's configured minimum (reported, never rolled back).
/// </summary>
public sealed record ShadowSummaryDto(
    long Compared, long Matches, long Differences, long Skipped, double? ParityPercent, bool BelowMinParity = false);

/// <summary>One differing field: <see cref="Kind"/> is <c>status</c>, <c>header</c> or <c>body</c>; values redacted where secret.</summary>
public sealed record FieldDifferenceDto(string Kind, string Path, string? Legacy, string? Extracted);

/// <summary>A recent request whose two answers differed.</summary>
public sealed record ShadowDiffSampleDto(DateTimeOffset At, string Method, string Path, IReadOnlyList<FieldDifferenceDto> Differences);

/// <summary>The shadow report of one slice (<c>GET /admin/slices/{name}/diff</c>).</summary>
public sealed record ShadowReportDto(
    string Slice,
    long Compared,
    long Matches,
    long Differences,
    long NoiseIgnored,
    double? ParityPercent,
    IReadOnlyDictionary<string, long> Skipped,
    IReadOnlyList<ShadowDiffSampleDto> Samples);

/// <summary>Body of <c>POST /admin/slices/{name}/overrides</c>: a tester pass that forces one side.</summary>
public sealed record IssueSideOverrideRequest(string Side, string Reason, int? ValidForMinutes);

/// <summary>
/// An issued override; send <see cref="Value"/> in the <see cref="HeaderName"/> request header. <see cref="Id"/> names it
/// for a revoke (it is not the value, and the value cannot be derived from it).
/// </summary>
public sealed record SideOverrideDto(string Slice, string Side, string Value, DateTimeOffset ExpiresAt, string Id)
{
    public const string HeaderName = "X-Migration-Side";
}

/// <summary>An override as the control plane lists it: everything but its value.</summary>
public sealed record SideOverrideSummaryDto(string Id, string Slice, string Side, DateTimeOffset ExpiresAt, DateTimeOffset IssuedAt, string IssuedBy);

/// <summary>Body of <c>POST /admin/slices/{name}/overrides/{id}/revoke</c>.</summary>
public sealed record RevokeSideOverrideRequest(string Reason);
