namespace Migration.Facade.Contracts;

/// <summary>A slice as the control plane shows it. <see cref="Percentage"/> is the share sent to the extracted side.</summary>
public sealed record SliceDto(
    string Name,
    string State,
    int Percentage,
    string TargetCluster,
    IReadOnlyList<string> Routes,
    long Version,
    DateTimeOffset UpdatedAt,
    string UpdatedBy);

/// <summary>
/// Body of <c>PUT /admin/slices/{name}/state</c>. <see cref="ExpectedVersion"/> is the version the caller saw;
/// <see cref="Force"/> overrides the data gate (lag, verify) and is audited as forced.
/// </summary>
public sealed record ChangeSliceStateRequest(string State, int? Percentage, string Reason, long ExpectedVersion, bool Force = false);

public sealed record AuditEntryDto(
    long Id,
    string Slice,
    DateTimeOffset At,
    string Actor,
    string FromState,
    int FromPercentage,
    string ToState,
    int ToPercentage,
    string Reason,
    long Version,
    bool Forced = false);

public sealed record ProgressDto(
    int SlicesTotal,
    int SlicesExtracted,
    int RoutesTotal,
    int RoutesExtracted,
    IReadOnlyList<SliceDto> Slices);

/// <summary>State of a data backfill run inside an extracted service.</summary>
public sealed record BackfillProgressDto(
    string Service,
    string Status,
    int PagesDone,
    int TotalPages,
    int ItemsCopied,
    int TotalItems,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? Error)
{
    public const string Idle = "idle";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";
}
