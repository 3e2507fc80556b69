using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Migration.Messaging.Applied;

/// <summary>
/// Measures a consumer's replication lag once per <see cref="Interval"/>: reads the owner's change feed from a cursor,
/// compares each change's version with the consumer's ledger, and reports the oldest one not applied. The cursor only
/// moves past changes that are applied and older than <see cref="Settle"/> (a transaction may commit late with an
/// earlier time), so a pending change is never skipped; and every <see cref="RescanEvery"/> it starts again from the
/// beginning, so a commit later than that still counts. Also exported as the gauge <c>migration.replication.lag</c>.
/// </summary>
public sealed partial class ReplicationLagMonitor<TDbContext> : BackgroundService where TDbContext : DbContext
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan RescanEvery = TimeSpan.FromSeconds(30);
    private const int PageSize = 1000;
    private const int MaxPagesPerPoll = 50;

    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly string _consumer;
    private DateTimeOffset _cursor = DateTimeOffset.MinValue;
    private DateTimeOffset _rescanAt;
    private volatile LagReport _current;

    public ReplicationLagMonitor(string consumer, IServiceScopeFactory scopes, TimeProvider clock, IMeterFactory meters, ILogger<ReplicationLagMonitor<TDbContext>> logger)
    {
        (_consumer, _scopes, _clock, _logger) = (consumer, scopes, clock, logger);
        _current = LagReport.NotYetMeasured(consumer);
        meters.Create(MessagingMeters.Name).CreateObservableGauge<double>("migration.replication.lag",
            () => _current.LagSeconds is { } lag ? [new Measurement<double>(lag, new KeyValuePair<string, object?>("consumer", _consumer))] : [],
            unit: "s", description: "Age of the oldest change at the owner that this consumer has not applied yet.");
    }

    public LagReport Current => _current;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, _clock);
        do
        {
            try
            {
                await MeasureAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                _current = _current with { LagSeconds = null, Error = ex.Message, CheckedAt = _clock.GetUtcNow() };
                LogMeasureFailed(ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One measurement, which <see cref="Current"/> and the gauge then report; public so tests can drive it.</summary>
    public async Task<LagReport> MeasureAsync(CancellationToken cancellationToken) => _current = await MeasureOnceAsync(cancellationToken);

    private async Task<LagReport> MeasureOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var feed = scope.ServiceProvider.GetRequiredService<IChangeFeed>();
        var ledger = scope.ServiceProvider.GetRequiredService<TDbContext>().Set<AppliedEvent>().AsNoTracking();
        var now = _clock.GetUtcNow();
        if (now >= _rescanAt)
        {
            (_cursor, _rescanAt) = (DateTimeOffset.MinValue, now + RescanEvery);
        }
        // The scan walks on page by page; the cursor (where the next poll starts) only past what is settled.
        var scan = _cursor;
        for (var page = 0; page < MaxPagesPerPoll; page++)
        {
            var marks = await feed.ChangesAfterAsync(scan, PageSize, cancellationToken);
            var pending = await PendingAsync(ledger, marks, cancellationToken);
            if (pending.Count > 0)
            {
                var oldest = pending.Min(m => m.ChangedAt);
                return new LagReport(_consumer, Math.Max(0, (now - oldest).TotalSeconds), pending.Count, oldest, now, null);
            }
            if (marks.Count == 0)
            {
                return new LagReport(_consumer, 0, 0, null, now, null);
            }
            if (scan == _cursor)
            {
                var settled = marks.Where(m => m.ChangedAt <= now - Settle).Select(m => m.ChangedAt).DefaultIfEmpty(_cursor).Max();
                _cursor = settled > _cursor ? settled : _cursor;
            }
            scan = marks.Max(m => m.ChangedAt);
            if (marks.Count < PageSize)
            {
                return new LagReport(_consumer, 0, 0, null, now, null);
            }
        }
        // Not everything could be checked this time: what lies after the scan is at most this old.
        return new LagReport(_consumer, Math.Max(0, (now - scan).TotalSeconds), 0, scan, now, "more changes than one poll checks");
    }

    private static async Task<List<ChangeMark>> PendingAsync(IQueryable<AppliedEvent> ledger, IReadOnlyList<ChangeMark> marks, CancellationToken cancellationToken)
    {
        var pending = new List<ChangeMark>();
        foreach (var stream in marks.GroupBy(m => m.Stream))
        {
            var ids = stream.Select(m => m.Id).ToList();
            var applied = await ledger.Where(a => a.Stream == stream.Key && ids.Contains(a.AggregateId))
                .ToDictionaryAsync(a => a.AggregateId, a => a.Version, cancellationToken);
            pending.AddRange(stream.Where(m => applied.GetValueOrDefault(m.Id) < m.Version));
        }
        return pending;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Replication lag could not be measured: {Reason}")]
    private partial void LogMeasureFailed(string reason);
}
