using Migration.Facade.Contracts;

namespace Migration.Facade.Data;

/// <summary>Joins what the service reports (lag, backfill) with the facade's own record of verify runs.</summary>
internal sealed class DataStatusReader(DataSides sides, VerifyLog log)
{
    public async Task<DataStatusDto> ReadAsync(string dataSet, CancellationToken ct)
    {
        var lag = Safely(sides.LagAsync(dataSet, ct));
        var backfill = Safely(sides.BackfillAsync(dataSet, ct));
        var verify = await log.LastAsync(dataSet, ct);
        var (lagReport, lagError) = await lag;
        var (progress, backfillError) = await backfill;
        return new DataStatusDto(dataSet, lagReport?.LagSeconds, lagReport?.Error ?? lagError, lagReport?.CheckedAt,
            progress?.Status ?? Unreadable(backfillError), progress?.FinishedAt, verify?.At, verify?.Mismatches);
    }

    /// <summary>The backfill status when the service could not say it: the gate refuses on it.</summary>
    public const string UnreadableBackfill = "unknown";

    private static string? Unreadable(string? error) => error is null ? null : UnreadableBackfill;

    private static async Task<(T? Value, string? Error)> Safely<T>(Task<T> call) where T : class
    {
        try
        {
            return (await call, null);
        }
        catch (DataSideException ex)
        {
            return (null, ex.Message);
        }
    }
}
