using Legacy.Store.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Migration.Messaging.Applied;
using Migration.Messaging.Backfill;
using Migration.Messaging.Events;
using Orders.Service.Backfill;
using Orders.Service.Data;
using Orders.Service.Sync;
using Orders.Service.Tests.Infrastructure;
using Refit;

namespace Orders.Service.Tests.Backfill;

/// <summary>Copying the monolith's orders through its sync feed, page by page with the checkpoint.</summary>
public sealed class OrdersBackfillTests : IDisposable
{
    private const int PageSize = 100;
    private readonly TestDatabase _database = new();
    private readonly BackfillProgressTracker _progress = new(OrdersBackfill.ServiceName, TimeProvider.System);

    [Fact]
    public async Task Copies_every_order_with_its_lines_and_completes_the_checkpoint()
    {
        var legacy = FakeLegacyOrders.WithOrders(250);

        await RunAsync(legacy);

        Assert.Equal([0, 100, 200], legacy.RequestedAfter);
        await using var db = await _database.OpenAsync();
        Assert.Equal(250, await db.Orders.CountAsync());
        Assert.Equal(500, await db.OrderLines.CountAsync());
        await AssertCopiedAsync(db, FakeLegacyOrders.Order(7));
        await AssertCopiedAsync(db, FakeLegacyOrders.Order(250));
        var checkpoint = await db.BackfillCheckpoints.AsNoTracking().SingleAsync();
        Assert.Equal((true, 3, 3, 250, 250, 250), (checkpoint.Completed, checkpoint.LastCompletedPage, checkpoint.TotalPages,
            checkpoint.ItemsCopied, checkpoint.TotalItems, checkpoint.LastOrderId));
        Assert.Equal(250, await db.Set<AppliedEvent>().CountAsync(a => a.Stream == Streams.Order));
    }

    [Fact]
    public async Task A_second_run_starts_over_and_duplicates_nothing()
    {
        var legacy = FakeLegacyOrders.WithOrders(250);
        await RunAsync(legacy);
        legacy.RequestedAfter.Clear();
        // Meanwhile the monolith cancelled an order (its version moves).
        legacy.Orders[9] = legacy.Orders[9] with { Status = "Cancelled", Version = 2 };

        await RunAsync(legacy);

        Assert.Equal([0, 100, 200], legacy.RequestedAfter);
        await using var db = await _database.OpenAsync();
        Assert.Equal(250, await db.Orders.CountAsync());
        Assert.Equal(500, await db.OrderLines.CountAsync());
        Assert.Equal((OrderStatus.Cancelled, 2L), await db.Orders.Where(o => o.Id == 10).Select(o => ValueTuple.Create(o.Status, o.Version)).SingleAsync());
        Assert.Equal(250, (await db.BackfillCheckpoints.AsNoTracking().SingleAsync()).ItemsCopied);
    }

    [Fact]
    public async Task An_order_already_here_at_a_newer_version_is_not_overwritten_by_an_older_copy()
    {
        // The events of order 5 arrived before the backfill reached it: placed, then cancelled (version 2).
        await using (var db = await _database.OpenAsync())
        {
            var replica = new OrderReplica(db, new EventLedger(TimeProvider.System));
            var at = DateTimeOffset.UtcNow;
            await replica.ApplyAsync(new OrderPlaced(Guid.NewGuid(), 5, 1, at, EventOrigin.Monolith, 6, at, 999,
                [new OrderLineState(1, "Product 1", 999, 1)], null), CancellationToken.None);
            await replica.ApplyAsync(new OrderCancelled(Guid.NewGuid(), 5, 2, at, EventOrigin.Monolith, 6), CancellationToken.None);
        }
        // The feed's page was read before the cancellation: order 5 at version 1, placed.
        var legacy = FakeLegacyOrders.WithOrders(20);
        Assert.Equal((1L, "Placed"), (legacy.Orders[4].Version, legacy.Orders[4].Status));

        await RunAsync(legacy);

        await using var check = await _database.OpenAsync();
        var order = await check.Orders.Include(o => o.Lines).AsNoTracking().SingleAsync(o => o.Id == 5);
        Assert.Equal((OrderStatus.Cancelled, 2L, 999L), (order.Status, order.Version, order.TotalCents));
        Assert.Equal(2L, (await check.Set<AppliedEvent>().AsNoTracking().SingleAsync(a => a.AggregateId == 5)).Version);
        Assert.Equal(20, await check.Orders.CountAsync());
    }

    [Fact]
    public async Task A_failed_run_resumes_after_the_last_committed_page()
    {
        var legacy = FakeLegacyOrders.WithOrders(250);
        legacy.FailingAfter = 100;

        await Assert.ThrowsAsync<ApiException>(() => RunAsync(legacy));
        await using (var db = await _database.OpenAsync())
        {
            var checkpoint = await db.BackfillCheckpoints.AsNoTracking().SingleAsync();
            Assert.Equal((false, 1, 100, 100), (checkpoint.Completed, checkpoint.LastCompletedPage, checkpoint.ItemsCopied, checkpoint.LastOrderId));
            Assert.Equal(100, await db.Orders.CountAsync());
        }

        legacy.FailingAfter = null;
        legacy.RequestedAfter.Clear();
        await RunAsync(legacy);

        Assert.Equal([100, 200], legacy.RequestedAfter);
        await using var after = await _database.OpenAsync();
        Assert.Equal(250, await after.Orders.CountAsync());
        Assert.Equal((true, 3, 250), await after.BackfillCheckpoints.Select(c => ValueTuple.Create(c.Completed, c.LastCompletedPage, c.ItemsCopied)).SingleAsync());
    }

    [Fact]
    public async Task Reports_pages_and_orders_as_it_goes()
    {
        Assert.True(_progress.TryStart(out _));

        await RunAsync(FakeLegacyOrders.WithOrders(250));

        var progress = _progress.Current;
        Assert.Equal((3, 3, 250, 250), (progress.PagesDone, progress.TotalPages, progress.ItemsCopied, progress.TotalItems));
    }

    [Fact]
    public async Task An_event_that_writes_an_order_of_a_later_page_meanwhile_is_a_race_the_run_survives()
    {
        var legacy = FakeLegacyOrders.WithOrders(250);

        var race = await RunRacingAsync(legacy, FakeLegacyOrders.Order(150), onSave: 2);

        Assert.True(race.Happened);
        await AssertCompleteCopyAsync(250, pages: 3);
    }

    [Fact]
    public async Task An_event_that_writes_an_order_of_the_first_page_meanwhile_is_a_race_the_run_survives()
    {
        var legacy = FakeLegacyOrders.WithOrders(30);

        var race = await RunRacingAsync(legacy, FakeLegacyOrders.Order(1), onSave: 1);

        Assert.True(race.Happened);
        await AssertCompleteCopyAsync(30, pages: 1);
    }

    [Fact]
    public async Task A_race_on_the_first_page_of_a_second_run_leaves_that_runs_counts()
    {
        var legacy = FakeLegacyOrders.WithOrders(250);
        await RunAsync(legacy);

        // The retry must not re-read the first run's completed checkpoint and count on from it (500 orders, 6 pages).
        var race = await RunRacingAsync(legacy, FakeLegacyOrders.Order(1) with { Version = 3, Status = "Cancelled" }, onSave: 1);

        Assert.True(race.Happened);
        await AssertCompleteCopyAsync(250, pages: 3);
    }

    private async Task<CommitBeforeSave> RunRacingAsync(FakeLegacyOrders legacy, OrderSnapshot order, int onSave)
    {
        var race = new CommitBeforeSave(_database, order, onSave);
        await using var db = await _database.OpenAsync(race);
        await Create(legacy, db).RunAsync(CancellationToken.None);
        return race;
    }

    private async Task AssertCompleteCopyAsync(int orders, int pages)
    {
        await using var db = await _database.OpenAsync();
        Assert.Equal(orders, await db.Orders.CountAsync());
        Assert.Equal(orders * 2, await db.OrderLines.CountAsync());
        var checkpoint = await db.BackfillCheckpoints.AsNoTracking().SingleAsync();
        Assert.Equal((true, pages, orders, orders), (checkpoint.Completed, checkpoint.LastCompletedPage, checkpoint.ItemsCopied, checkpoint.TotalItems));
    }

    private static async Task AssertCopiedAsync(OrdersDbContext db, OrderSnapshot expected)
    {
        var order = await db.Orders.Include(o => o.Lines).AsNoTracking().SingleAsync(o => o.Id == expected.Id);
        Assert.Equal(
            (expected.CustomerId, expected.Status, expected.TotalCents, expected.Version, expected.PlacedAt.UtcDateTime, expected.ChangedAt.UtcDateTime),
            (order.CustomerId, order.Status.ToString(), order.TotalCents, order.Version, order.PlacedAt, order.ChangedAt));
        Assert.Equal(expected.Lines, order.Lines.OrderBy(l => l.Id).Select(l => new OrderLineSnapshot(l.ProductId, l.ProductName, l.UnitPriceCents, l.Quantity)));
    }

    private async Task RunAsync(FakeLegacyOrders legacy)
    {
        await using var db = await _database.OpenAsync();
        await Create(legacy, db).RunAsync(CancellationToken.None);
    }

    private OrdersBackfill Create(FakeLegacyOrders legacy, OrdersDbContext db)
    {
        var api = RestService.ForGenerated<ILegacyOrdersApi>(
            new HttpClient(legacy, disposeHandler: false) { BaseAddress = new Uri("http://legacy.test") },
            RefitSettings.ForJsonContext(LegacyOrdersJsonContext.Default));
        return new OrdersBackfill(api, db, new OrderReplica(db, new EventLedger(TimeProvider.System)), _progress,
            Options.Create(new LegacyOptions { PageSize = PageSize }), TimeProvider.System, NullLogger<OrdersBackfill>.Instance);
    }

    public void Dispose() => _database.Dispose();

    /// <summary>
    /// Before save number <paramref name="onSave"/> of the backfill's context, commits the monolith's event placing
    /// <paramref name="order"/> from another connection: the page's save then meets the row (a unique violation) and retries.
    /// </summary>
    private sealed class CommitBeforeSave(TestDatabase database, OrderSnapshot order, int onSave) : SaveChangesInterceptor
    {
        private int _saves;

        public bool Happened { get; private set; }

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (++_saves == onSave)
            {
                Happened = true;
                await using var other = await database.OpenAsync();
                await new OrderReplica(other, new EventLedger(TimeProvider.System)).ApplyAsync(new OrderPlaced(
                    Guid.NewGuid(), order.Id, order.Version, order.ChangedAt, EventOrigin.Monolith, order.CustomerId, order.PlacedAt,
                    order.TotalCents, order.Lines.Select(l => new OrderLineState(l.ProductId, l.ProductName, l.UnitPriceCents, l.Quantity)).ToList(),
                    null), cancellationToken);
            }
            return result;
        }
    }
}
