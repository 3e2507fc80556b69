using Microsoft.Extensions.Options;
using Migration.Facade.Contracts;
using Migration.Facade.Flags;

namespace Migration.Facade.Data;

/// <summary>
/// Says why a flip to canary or extracted must wait for the data: the service lags more than the slice allows, its
/// last verify found mismatches, or no verify ran since its last backfill. Null when the flip may go ahead.
/// </summary>
internal sealed class DataGate(
    DataStatusReader status, IOptions<DataOptions> options, IOptions<SliceSettingsOptions> slices, TimeProvider clock)
{

    public async Task<string?> RefusalAsync(SliceDefinition slice, string targetState, CancellationToken ct)
    {
        if (!options.Value.Gate || targetState is not (SliceStates.Canary or SliceStates.Extracted))
        {
            return null;
        }
        var data = await status.ReadAsync(slice.TargetCluster, ct);
        var maxLag = slices.Value.For(slice.Name).MaxReplicationLag ?? options.Value.MaxReplicationLag;
        if (data.LagSeconds is not { } lag)
        {
            return $"The replication lag of '{data.DataSet}' is unknown ({data.LagError}); the data may be behind.";
        }
        if (data.LagCheckedAt is not { } checkedAt || clock.GetUtcNow() - checkedAt > options.Value.MaxLagAge)
        {
            return $"The replication lag of '{data.DataSet}' was last measured at {data.LagCheckedAt:O}; the reading is too old to trust.";
        }
        if (lag > maxLag.TotalSeconds)
        {
            return $"'{data.DataSet}' lags {LagText.Format(lag)} behind the monolith, over the slice's limit of {LagText.Format(maxLag.TotalSeconds)}.";
        }
        if (data.BackfillStatus == BackfillProgressDto.Running)
        {
            return $"A backfill of '{data.DataSet}' is running; verify after it ends.";
        }
        if (data.BackfillStatus == DataStatusReader.UnreadableBackfill)
        {
            return $"The backfill status of '{data.DataSet}' could not be read; a running backfill cannot be ruled out.";
        }
        if (data.LastVerifyAt is null || (data.LastBackfillAt is { } backfill && data.LastVerifyAt < backfill))
        {
            return $"No data verify of '{data.DataSet}' ran since its last backfill: run `strangler data verify {data.DataSet}`.";
        }
        if (data.LastVerifyMismatches is > 0 and var mismatches)
        {
            return $"The last data verify of '{data.DataSet}' found {mismatches} mismatching records: repair and verify again.";
        }
        return null;
    }
}
