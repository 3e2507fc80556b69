using Legacy.Store.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Migration.Facade.Contracts;
using Migration.Messaging.Applied;
using Migration.Messaging.Backfill;
using Migration.Messaging.Events;
using Orders.Service.Data;
using Orders.Service.Sync;
using Refit;

namespace Orders.Service.Backfill;

/// <summary>
/// Copies the monolith's orders through its sync feed, one keyset page per transaction with the checkpoint, so a run
/// that stops resumes after the last committed page. Every order goes through the ledger: a copy never overwrites a
/// newer version an event (or this service itself) already wrote. Orders are never deleted, so nothing is removed.
/// </summary>
internal sealed class OrdersBackfill(
    ILegacyOrdersApi legacy, OrdersDbContext db, OrderReplica replica, BackfillProgressTracker progress,
    IOptions<LegacyOptions> options, TimeProvider time, ILogger<OrdersBackfill> logger) : IBackfillRun
{
    public const string ServiceName = "orders";
    private readonly int _pageSize = options.Value.PageSize;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var checkpoint = await db.BackfillCheckpoints.FindAsync([BackfillCheckpoint.SingletonId], cancellationToken);
        if (checkpoint is null)
        {
            checkpoint = new BackfillCheckpoint();
            db.BackfillCheckpoints.Add(checkpoint);
        }
        else if (checkpoint.Completed || checkpoint.LastOrderId == 0)
        {
            checkpoint.LastCompletedPage = checkpoint.ItemsCopied = checkpoint.LastOrderId = 0;
            checkpoint.Completed = false;
        }
        // Saved before the first page: a page that races an event is retried from a cleared tracker, which reads the
        // checkpoint back from the database.
        await db.SaveChangesAsync(cancellationToken);
        progress.Report(checkpoint.LastCompletedPage, checkpoint.TotalPages, checkpoint.ItemsCopied, checkpoint.TotalItems);
        do
        {
            var response = await legacy.GetOrdersAsync(checkpoint.LastOrderId, _pageSize, cancellationToken);
            await response.EnsureSuccessStatusCodeAsync();
            checkpoint = await SavePageAsync(checkpoint, response.Content ?? [], BackfillPages.TotalCount(response.Headers), cancellationToken);
            progress.Report(checkpoint.LastCompletedPage, checkpoint.TotalPages, checkpoint.ItemsCopied, checkpoint.TotalItems);
        }
        while (!checkpoint.Completed);
        logger.LogInformation("Orders backfill copied {Items} orders in {Pages} pages", checkpoint.ItemsCopied, checkpoint.LastCompletedPage);
    }

    public async Task<BackfillProgressDto?> LastCompletedAsync(BackfillProgressDto idle, CancellationToken cancellationToken) =>
        BackfillCheckpoints.Completed(idle, await db.BackfillCheckpoints.AsNoTracking().SingleOrDefaultAsync(cancellationToken));

    private async Task<BackfillCheckpoint> SavePageAsync(
        BackfillCheckpoint checkpoint, List<OrderSnapshot> items, int? total, CancellationToken cancellationToken)
    {
        await BackfillPages.RetryingRacesAsync(db, async () =>
        {
            checkpoint = db.BackfillCheckpoints.Local.SingleOrDefault() ?? await db.BackfillCheckpoints.SingleAsync(cancellationToken);
            await CopyOrdersAsync(items, cancellationToken);
            checkpoint.LastCompletedPage++;
            checkpoint.LastOrderId = items.Count > 0 ? items[^1].Id : checkpoint.LastOrderId;
            checkpoint.ItemsCopied += items.Count;
            checkpoint.TotalItems = Math.Max(total ?? 0, checkpoint.ItemsCopied);
            checkpoint.TotalPages = Math.Max(checkpoint.LastCompletedPage, (int)Math.Ceiling(checkpoint.TotalItems / (double)_pageSize));
            checkpoint.Completed = items.Count < _pageSize;
            checkpoint.UpdatedAt = time.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }, $"page after order {checkpoint.LastOrderId}", logger);
        db.ChangeTracker.Clear();
        db.Attach(checkpoint);
        return checkpoint;
    }

    /// <summary>Offers a page of orders to the replica (the caller saves).</summary>
    public async Task CopyOrdersAsync(IReadOnlyList<OrderSnapshot> orders, CancellationToken cancellationToken)
    {
        var ids = orders.Select(o => o.Id).ToList();
        await db.Set<AppliedEvent>().Where(a => a.Stream == Streams.Order && ids.Contains(a.AggregateId)).LoadAsync(cancellationToken);
        await db.Orders.Where(o => ids.Contains(o.Id)).Include(o => o.Lines).LoadAsync(cancellationToken);
        foreach (var o in orders)
        {
            var state = new OrderState(o.CustomerId, o.PlacedAt.UtcDateTime, Enum.Parse<OrderStatus>(o.Status), o.TotalCents, o.Version,
                o.ChangedAt.UtcDateTime, o.Lines.Select(l => new LineState(l.ProductId, l.ProductName, l.UnitPriceCents, l.Quantity)).ToList());
            await replica.OfferSnapshotAsync(o.Id, state, o.ChangedAt, cancellationToken);
        }
    }
}
