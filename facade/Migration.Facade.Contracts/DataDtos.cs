namespace Migration.Facade.Contracts;

/// <summary>One field of a mismatching record: the monolith's value and the service's (null where the record is absent).</summary>
public sealed record FieldValuesDto(string Field, string? Monolith, string? Service);

/// <summary>A record of <see cref="Table"/> that differs between the monolith and the service's copy.</summary>
public sealed record MismatchDto(int Id, string Kind, IReadOnlyList<FieldValuesDto> Fields, string Table = "")
{
    /// <summary>In the monolith, not in the service.</summary>
    public const string Missing = "missing";

    /// <summary>In the service, not in the monolith.</summary>
    public const string Extra = "extra";

    public const string Different = "different";
}

/// <summary>What <c>strangler data verify</c> found: counts on both sides, how much was compared, and every mismatch.</summary>
public sealed record VerifyReportDto(
    string DataSet,
    DateTimeOffset At,
    string Actor,
    int MonolithCount,
    int ServiceCount,
    int Ranges,
    int DifferingRanges,
    int RowsFetched,
    int Mismatches,
    IReadOnlyList<MismatchDto> Records,
    double ElapsedMs,
    IReadOnlyList<string>? Tables = null);

/// <summary>A data set's readiness: the service's replication lag, its last backfill and the last verify.</summary>
public sealed record DataStatusDto(
    string DataSet,
    double? LagSeconds,
    string? LagError,
    DateTimeOffset? LagCheckedAt,
    string? BackfillStatus,
    DateTimeOffset? LastBackfillAt,
    DateTimeOffset? LastVerifyAt,
    int? LastVerifyMismatches);

/// <summary>Problem titles clients branch on: both are 409s, a stale version and a refusal by the data gate.</summary>
public static class ProblemTitles
{
    public const string StaleVersion = "Stale version";
    public const string DataNotReady = "Data not ready";
}

/// <summary>A replication lag as people read it: seconds, minutes, or days for a copy that was never backfilled.</summary>
public static class LagText
{
    public static string Format(double seconds) => seconds switch
    {
        >= 86_400 => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{seconds / 86_400:0.#} days"),
        >= 60 => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{seconds / 60:0.#} min"),
        _ => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{seconds:0.0} s"),
    };
}
