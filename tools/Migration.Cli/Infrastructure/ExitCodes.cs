namespace Migration.Cli.Infrastructure;

/// <summary>Process exit codes; scripts branch on these, so they never change meaning.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;
    public const int Unreachable = 3;
    public const int NotAuthorized = 4;
    public const int NotFound = 5;
    public const int Refused = 6;
    public const int Mismatches = 7;

    public static readonly IReadOnlyList<(int Code, string Meaning)> All =
    [
        (Ok, "success"),
        (Failed, "the operation failed (e.g. a backfill failed, or the control plane had an internal error)"),
        (Usage, "invalid arguments"),
        (Unreachable, "the control plane cannot be reached"),
        (NotAuthorized, "not authenticated (401) or not allowed (403)"),
        (NotFound, "unknown slice or service (404)"),
        (Refused, "the control plane refused the change (400/409/422), e.g. someone else changed the slice first"),
        (Mismatches, "data verify found records that differ between the monolith and the service"),
    ];
}
