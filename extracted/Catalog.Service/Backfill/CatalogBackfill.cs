using Catalog.Service.Data;
using Catalog.Service.Sync;
using Legacy.Store.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Migration.Facade.Contracts;
using Migration.Messaging.Applied;
using Migration.Messaging.Backfill;
using Migration.Messaging.Events;
using Refit;

namespace Catalog.Service.Backfill;

/// <summary>
/// Copies the monolith's catalog through its sync feed, one keyset page per transaction. Each page commits together
/// with the checkpoint, so a run that stops resumes exactly after the last committed page. Events keep arriving while
/// it runs: every row goes through the ledger, so a copy never overwrites a newer version an event already brought.
/// </summary>
internal sealed class CatalogBackfill(
    ILegacyCatalogApi legacy, CatalogDbContext db, CatalogReplica replica, BackfillProgressTracker progress,
    IOptions<LegacyOptions> options, TimeProvider time, ILogger<CatalogBackfill> logger) : IBackfillRun
{
    public const string ServiceName = "catalog";

    private readonly int _pageSize = options.Value.PageSize;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var startedAt = time.GetUtcNow();
        var checkpoint = await db.BackfillCheckpoints.FindAsync([BackfillCheckpoint.SingletonId], cancellationToken);
        if (checkpoint is null)
        {
            checkpoint = new BackfillCheckpoint();
            db.BackfillCheckpoints.Add(checkpoint);
        }
        else if (checkpoint.Completed || checkpoint.LastProductId == 0)
        {
            // A finished copy is stale by now, and one that never got past its first page has nothing to resume: start
            // over (the versions make that safe), with counters that match the keyset position.
            checkpoint.LastCompletedPage = checkpoint.ItemsCopied = checkpoint.LastProductId = 0;
            checkpoint.Completed = false;
        }
        else
        {
            logger.LogInformation("Resuming catalog backfill after product {ProductId}", checkpoint.LastProductId);
        }
        progress.Report(checkpoint.LastCompletedPage, checkpoint.TotalPages, checkpoint.ItemsCopied, checkpoint.TotalItems);

        var categories = await legacy.GetCategoriesAsync(cancellationToken);
        await RetryingRacesAsync(() => CopyCategoriesAsync(categories, cancellationToken), "categories");

        do
        {
            var response = await legacy.GetProductsAsync(checkpoint.LastProductId, _pageSize, cancellationToken);
            await response.EnsureSuccessStatusCodeAsync();
            checkpoint = await SavePageAsync(checkpoint, response.Content ?? [], BackfillPages.TotalCount(response.Headers), startedAt, cancellationToken);

            progress.Report(checkpoint.LastCompletedPage, checkpoint.TotalPages, checkpoint.ItemsCopied, checkpoint.TotalItems);
        }
        while (!checkpoint.Completed);

        logger.LogInformation("Catalog backfill copied {Items} products in {Pages} pages", checkpoint.ItemsCopied, checkpoint.LastCompletedPage);
    }

    /// <summary>
    /// Copies one page and moves the checkpoint, in one transaction. Only a short page ends the feed: the total count
    /// is for progress, never for deciding that the copy is complete.
    /// </summary>
    public async Task<BackfillProgressDto?> LastCompletedAsync(BackfillProgressDto idle, CancellationToken cancellationToken) =>
        BackfillCheckpoints.Completed(idle, await db.BackfillCheckpoints.AsNoTracking().SingleOrDefaultAsync(cancellationToken));

    private async Task<BackfillCheckpoint> SavePageAsync(
        BackfillCheckpoint checkpoint, List<ProductSnapshot> items, int? total, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        await RetryingRacesAsync(async () =>
        {
            // After a race the tracker is cleared, so the checkpoint is read again.
            checkpoint = db.BackfillCheckpoints.Local.SingleOrDefault() ?? await db.BackfillCheckpoints.SingleAsync(cancellationToken);
            var last = items.Count < _pageSize;
            await CopyProductsAsync(items, checkpoint.LastProductId, last ? int.MaxValue : items[^1].Id, startedAt, cancellationToken);
            checkpoint.LastCompletedPage++;
            checkpoint.LastProductId = items.Count > 0 ? items[^1].Id : checkpoint.LastProductId;
            checkpoint.ItemsCopied += items.Count;
            checkpoint.TotalItems = Math.Max(total ?? 0, checkpoint.ItemsCopied);
            checkpoint.TotalPages = Math.Max(checkpoint.LastCompletedPage, (int)Math.Ceiling(checkpoint.TotalItems / (double)_pageSize));
            checkpoint.Completed = last;
            checkpoint.UpdatedAt = time.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }, $"page after product {checkpoint.LastProductId}");
        db.ChangeTracker.Clear();
        db.Attach(checkpoint);
        return checkpoint;
    }

    private Task RetryingRacesAsync(Func<Task> copy, string what) => BackfillPages.RetryingRacesAsync(db, copy, what, logger);

    /// <summary>Offers every category to the replica and commits (with any pending checkpoint).</summary>
    public async Task CopyCategoriesAsync(IReadOnlyCollection<CategorySnapshot> categories, CancellationToken cancellationToken)
    {
        await LoadLedgerAsync(Streams.Category, categories.Select(c => c.Id).ToList(), cancellationToken);
        foreach (var c in categories)
        {
            await replica.OfferCategorySnapshotAsync(c.Id, c.Version, c.ChangedAt, c.Slug, c.Name, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Offers a page of products to the replica, and removes products of this service in the page's id range
    /// (<paramref name="afterId"/>, <paramref name="throughId"/>] that the monolith does not have at all, unless an
    /// event brought them after <paramref name="startedAt"/>. The caller saves.
    /// </summary>
    public async Task CopyProductsAsync(
        IReadOnlyList<ProductSnapshot> products, int afterId, int throughId, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        var ids = products.Select(p => p.Id).ToList();
        await LoadLedgerAsync(Streams.Product, ids, cancellationToken);
        await db.Products.Where(p => p.Id > afterId && p.Id <= throughId).LoadAsync(cancellationToken);
        foreach (var p in products)
        {
            var state = p.Deleted ? null : new ProductState(p.Name, p.Description, p.PriceCents, p.CategoryId);
            await replica.OfferSnapshotAsync(p.Id, p.Version, p.ChangedAt, state, cancellationToken);
        }
        var known = ids.ToHashSet();
        var recent = await db.Set<AppliedEvent>()
            .Where(a => a.Stream == Streams.Product && a.AggregateId > afterId && a.AggregateId <= throughId && a.AppliedAt >= startedAt)
            .Select(a => a.AggregateId).ToListAsync(cancellationToken);
        foreach (var orphan in db.Products.Local.Where(p => !known.Contains(p.Id) && !recent.Contains(p.Id)).ToList())
        {
            db.Products.Remove(orphan);
        }
    }

    private Task LoadLedgerAsync(string stream, List<int> ids, CancellationToken cancellationToken) =>
        db.Set<AppliedEvent>().Where(a => a.Stream == stream && ids.Contains(a.AggregateId)).LoadAsync(cancellationToken);
}
