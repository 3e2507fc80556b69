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
        var (progress, _) = await backfill;
        return new DataStatusDto(dataSet, lagReport?.LagSeconds, lagReport?.Error ?? lagError, progress?.Status, progress?.FinishedAt,
            verify?.At, verify?.Mismatches);
    }

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
