using System.Diagnostics;
using Microsoft.Extensions.Options;
using Migration.Facade.Contracts;
using Migration.Messaging.Parity;

namespace Migration.Facade.Data;

/// <summary>
/// Compares a data set on both sides: one digest per side (counts and hashes of fixed id ranges), then the rows of the
/// ranges that differ only, so a clean copy costs one scan per side and transfers a few hashes.
/// </summary>
internal sealed class DataVerifier(DataSides sides, VerifyLog log, TimeProvider clock, IOptions<DataOptions> options)
{
    public async Task<VerifyReportDto> VerifyAsync(string dataSet, string actor, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        // The run counts from its start: a backfill that ends while it runs is not covered by it.
        var at = clock.GetUtcNow();
        var tables = new List<TableResult>();
        foreach (var table in await sides.TablesAsync(dataSet, ct))
        {
            tables.Add(await VerifyTableAsync(dataSet, table, ct));
        }
        var mismatches = tables.SelectMany(t => t.Mismatches.Select(m => ToDto(t.Table, m))).ToList();
        var report = new VerifyReportDto(
            dataSet, at, actor, tables.Sum(t => t.OwnerCount), tables.Sum(t => t.ServiceCount), tables.Sum(t => t.Ranges),
            tables.Sum(t => t.DifferingRanges), tables.Sum(t => t.Fetched), mismatches.Count,
            mismatches.Take(options.Value.MaxListedMismatches).ToList(), Stopwatch.GetElapsedTime(started).TotalMilliseconds,
            tables.Select(t => t.Table).ToList());
        await log.RecordAsync(report, ct);
        return report;
    }

    private sealed record TableResult(
        string Table, int OwnerCount, int ServiceCount, int Ranges, int DifferingRanges, int Fetched, List<ParityMismatch> Mismatches);

    private async Task<TableResult> VerifyTableAsync(string dataSet, string table, CancellationToken ct)
    {
        var ownerDigest = sides.OwnerDigestAsync(dataSet, table, ct);
        var serviceDigest = sides.ServiceDigestAsync(dataSet, table, ct);
        var (owner, service) = (await ownerDigest, await serviceDigest);
        var ranges = ParityDigest.DifferingRanges(owner, service);

        var (mismatches, fetched) = await CompareAsync(dataSet, table, ranges, ct);
        if (mismatches.Count > 0)
        {
            // A change still on its way (tens of ms) is not a mismatch: look again at what differed, once, a moment later.
            await Task.Delay(options.Value.RecheckDelay, clock, ct);
            var again = mismatches.Select(m => m.Id).ToHashSet();
            var (still, refetched) = await CompareAsync(dataSet, table, ranges.Where(r => again.Any(id => id >= r.From && id <= r.To)).ToList(), ct);
            mismatches = still.Where(m => again.Contains(m.Id)).ToList();
            fetched += refetched;
        }
        var allRanges = owner.Buckets.Select(b => b.From).Union(service.Buckets.Select(b => b.From)).Count();
        return new TableResult(table, owner.Count, service.Count, allRanges, ranges.Count, fetched, mismatches);
    }

    private async Task<(List<ParityMismatch> Mismatches, int Fetched)> CompareAsync(
        string dataSet, string table, IReadOnlyList<(int From, int To)> ranges, CancellationToken ct)
    {
        var mismatches = new List<ParityMismatch>();
        var fetched = 0;
        foreach (var (from, to) in ranges)
        {
            var ownerRows = sides.OwnerRowsAsync(dataSet, table, from, to, ct);
            var serviceRows = sides.ServiceRowsAsync(dataSet, table, from, to, ct);
            var (a, b) = (await ownerRows, await serviceRows);
            fetched += a.Count + b.Count;
            mismatches.AddRange(ParityMismatch.Compare(a, b));
        }
        return (mismatches, fetched);
    }

    // The kinds are the same words on both sides (missing, extra, different).
    private static MismatchDto ToDto(string table, ParityMismatch m) =>
        new(m.Id, m.Kind, m.Fields.Select(f => new FieldValuesDto(f.Field, f.Owner, f.Replica)).ToList(), table);
}
