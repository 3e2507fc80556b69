using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Migration.Messaging.Applied;
using Migration.Messaging.Events;

namespace Migration.Messaging.Tests.Applied;

public sealed class ReplicationLagMonitorTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly (Microsoft.Data.Sqlite.SqliteConnection Connection, Func<LedgerDb> Open) _db = LedgerDb.Create();
    private readonly FakeFeed _feed = new();
    private readonly FixedClock _clock = new(Now);
    private readonly ServiceProvider _services;

    public ReplicationLagMonitorTests()
    {
        _services = new ServiceCollection()
            .AddMetrics()
            .AddScoped(_ => _db.Open())
            .AddSingleton<IChangeFeed>(_feed)
            .BuildServiceProvider();
    }

    [Fact]
    public async Task The_lag_is_the_age_of_the_oldest_change_not_applied_yet()
    {
        _feed.Marks.AddRange([Mark(1, 3, -30), Mark(2, 1, -20), Mark(3, 2, -10)]);
        await ApplyAsync(1, 3);
        await ApplyAsync(3, 1);

        var report = await Monitor().MeasureAsync(CancellationToken.None);

        Assert.Equal((20.0, 2), (report.LagSeconds, report.Pending));
        Assert.Equal(Now.AddSeconds(-20), report.OldestPendingAt);
    }

    [Fact]
    public async Task Once_everything_is_applied_the_lag_is_0_and_the_cursor_moves_only_past_settled_changes()
    {
        _feed.Marks.AddRange([Mark(1, 1, -60), Mark(2, 1, -1)]);
        await ApplyAsync(1, 1);
        await ApplyAsync(2, 1);
        var monitor = Monitor();

        Assert.Equal(0.0, (await monitor.MeasureAsync(CancellationToken.None)).LagSeconds);
        await monitor.MeasureAsync(CancellationToken.None);

        // Past the change of a minute ago, not the one of a second ago (it may still be joined by a late commit).
        Assert.Equal(Now.AddSeconds(-60), _feed.LastSince);
    }

    [Fact]
    public async Task A_full_page_of_applied_changes_does_not_hide_a_pending_one_behind_it()
    {
        await using (var db = _db.Open())
        {
            for (var id = 1; id <= 1000; id++)
            {
                _feed.Marks.Add(Mark(id, 1, -1));
                db.Set<AppliedEvent>().Add(new AppliedEvent { Stream = Streams.Product, AggregateId = id, Version = 1, OccurredAt = Now, AppliedAt = Now });
            }
            await db.SaveChangesAsync();
        }
        _feed.Marks.Add(new ChangeMark(Streams.Product, 5000, 1, Now.AddMilliseconds(-500)));

        var report = await Monitor().MeasureAsync(CancellationToken.None);

        Assert.Equal((0.5, 1), (report.LagSeconds, report.Pending));
    }

    [Fact]
    public async Task The_lag_is_exported_as_a_gauge_tagged_with_the_consumer()
    {
        _feed.Marks.Add(Mark(9, 1, -7));
        var monitor = Monitor();
        await monitor.MeasureAsync(CancellationToken.None);
        var seen = new List<(double, object?)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "migration.replication.lag") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) => seen.Add((value, tags.ToArray().Single(t => t.Key == "consumer").Value)));
        listener.Start();

        listener.RecordObservableInstruments();

        Assert.Contains((7.0, (object?)"catalog"), seen);
    }

    private ReplicationLagMonitor<LedgerDb> Monitor() => new("catalog", _services.GetRequiredService<IServiceScopeFactory>(), _clock,
        _services.GetRequiredService<IMeterFactory>(), NullLogger<ReplicationLagMonitor<LedgerDb>>.Instance);

    private static ChangeMark Mark(int id, long version, int secondsAgo) => new(Streams.Product, id, version, Now.AddSeconds(secondsAgo));

    private async Task ApplyAsync(int id, long version)
    {
        await using var db = _db.Open();
        await new EventLedger(TimeProvider.System).OfferSnapshotAsync(db, Streams.Product, id, version, Now, CancellationToken.None);
        await db.SaveChangesAsync();
    }

    public void Dispose()
    {
        _services.Dispose();
        _db.Connection.Dispose();
    }

    private sealed class FakeFeed : IChangeFeed
    {
        public List<ChangeMark> Marks { get; } = [];

        public DateTimeOffset LastSince { get; private set; }

        public Task<IReadOnlyList<ChangeMark>> ChangesAfterAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken)
        {
            LastSince = since;
            return Task.FromResult<IReadOnlyList<ChangeMark>>(Marks.Where(m => m.ChangedAt > since).OrderBy(m => m.ChangedAt).Take(limit).ToList());
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
