using System.Globalization;
using Catalog.Service.Data;
using Legacy.Store.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Refit;

namespace Catalog.Service.Backfill;

/// <summary>
/// Copies the monolith's catalog through its public API, one page per transaction. Each page commits
/// together with the checkpoint, so a run that stops resumes exactly after the last committed page.
/// </summary>
internal sealed class CatalogBackfill(
    ILegacyCatalogApi legacy, CatalogDbContext db, BackfillProgressTracker progress,
    IOptions<LegacyOptions> options, TimeProvider time, ILogger<CatalogBackfill> logger)
{
    private readonly int _pageSize = options.Value.PageSize;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var checkpoint = await db.BackfillCheckpoints.FindAsync([BackfillCheckpoint.SingletonId], cancellationToken);
        if (checkpoint is null)
        {
            checkpoint = new BackfillCheckpoint();
            db.BackfillCheckpoints.Add(checkpoint);
        }
        else if (checkpoint.Completed)
        {
            // A finished copy is stale by now: start over, the upserts make that safe.
            checkpoint.LastCompletedPage = checkpoint.ItemsCopied = 0;
            checkpoint.Completed = false;
        }
        else
        {
            logger.LogInformation("Resuming catalog backfill after page {Page}", checkpoint.LastCompletedPage);
        }
        progress.Report(checkpoint.LastCompletedPage, checkpoint.TotalPages, checkpoint.ItemsCopied, checkpoint.TotalItems);

        await UpsertCategoriesAsync(await legacy.GetCategoriesAsync(cancellationToken), cancellationToken);

        do
        {
            var page = checkpoint.LastCompletedPage + 1;
            var response = await legacy.GetProductsAsync(page, _pageSize, cancellationToken);
            await response.EnsureSuccessStatusCodeAsync();
            var items = response.Content ?? [];

            checkpoint.TotalItems = TotalCount(response) ?? checkpoint.ItemsCopied + items.Count;
            checkpoint.TotalPages = Math.Max(1, (int)Math.Ceiling(checkpoint.TotalItems / (double)_pageSize));
            checkpoint.LastCompletedPage = page;
            checkpoint.ItemsCopied += items.Count;
            checkpoint.Completed = page >= checkpoint.TotalPages || items.Count == 0;
            checkpoint.UpdatedAt = time.GetUtcNow();
            await UpsertProductsAsync(items, cancellationToken);

            progress.Report(page, checkpoint.TotalPages, checkpoint.ItemsCopied, checkpoint.TotalItems);
        }
        while (!checkpoint.Completed);

        logger.LogInformation("Catalog backfill copied {Items} products in {Pages} pages", checkpoint.ItemsCopied, checkpoint.TotalPages);
    }

    /// <summary>Inserts new categories and overwrites known ones; commits (with any pending checkpoint).</summary>
    public async Task UpsertCategoriesAsync(IReadOnlyCollection<CategoryDto> categories, CancellationToken cancellationToken)
    {
        var ids = categories.Select(c => c.Id).ToList();
        var existing = await db.Categories.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        foreach (var dto in categories)
        {
            if (!existing.TryGetValue(dto.Id, out var category))
            {
                db.Categories.Add(new Category { Id = dto.Id, Slug = dto.Slug, Name = dto.Name });
                continue;
            }
            category.Slug = dto.Slug;
            category.Name = dto.Name;
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Inserts new products and overwrites known ones; commits (with any pending checkpoint).</summary>
    public async Task UpsertProductsAsync(IReadOnlyCollection<ProductDto> products, CancellationToken cancellationToken)
    {
        var ids = products.Select(p => p.Id).ToList();
        var existing = await db.Products.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        foreach (var dto in products)
        {
            if (!existing.TryGetValue(dto.Id, out var product))
            {
                product = new Product { Id = dto.Id, Name = dto.Name, Description = dto.Description };
                db.Products.Add(product);
            }
            product.Name = dto.Name;
            product.Description = dto.Description;
            product.PriceCents = Money.ToCents(dto.Price);
            product.CategoryId = dto.CategoryId;
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static int? TotalCount(IApiResponse response) =>
        response.Headers is { } headers && headers.TryGetValues("X-Total-Count", out var values)
        && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var total)
            ? total
            : null;
}
