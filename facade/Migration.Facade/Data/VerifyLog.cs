using Microsoft.EntityFrameworkCore;
using Migration.Facade.Contracts;
using Migration.Facade.Flags;

namespace Migration.Facade.Data;

/// <summary>One data verify run, kept in the flag store so every facade instance gates flips on the same result.</summary>
internal sealed class VerifyRunRow
{
    public long Id { get; set; }
    public required string DataSet { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
    public int MonolithCount { get; set; }
    public int ServiceCount { get; set; }
    public int Mismatches { get; set; }
}

internal sealed class VerifyLog(IDbContextFactory<FlagDbContext> contexts)
{
    public async Task RecordAsync(VerifyReportDto report, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.VerifyRuns.Add(new VerifyRunRow
        {
            DataSet = report.DataSet, At = report.At, Actor = report.Actor,
            MonolithCount = report.MonolithCount, ServiceCount = report.ServiceCount, Mismatches = report.Mismatches,
        });
        await db.SaveChangesAsync(ct);
    }

    public async Task<VerifyRunRow?> LastAsync(string dataSet, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.VerifyRuns.AsNoTracking().Where(v => v.DataSet == dataSet).OrderByDescending(v => v.Id).FirstOrDefaultAsync(ct);
    }
}
