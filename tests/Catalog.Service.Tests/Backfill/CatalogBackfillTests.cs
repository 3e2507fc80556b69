using Catalog.Service.Backfill;
using Migration.Messaging.Backfill;
using Catalog.Service.Data;
using Catalog.Service.Sync;
using Migration.Messaging.Applied;
using Catalog.Service.Tests.Infrastructure;
using Legacy.Store.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Migration.Facade.Contracts;
using Refit;

namespace Catalog.Service.Tests.Backfill;

public sealed class CatalogBackfillTests : IDisposable
{
    private const int PageSize = 10;
    private readonly TempFolder _folder = new();
    private readonly BackfillProgressTracker _progress = new("catalog", TimeProvider.System);

    [Fact]
    public async Task Copies_every_category_and_product()
    {
        var legacy = FakeLegacyCatalog.WithProducts(25);

        await RunAsync(legacy);

        await using var db = await OpenAsync();
        Assert.Equal(2, await db.Categories.CountAsync());
        Assert.Equal(25, await db.Products.CountAsync());
        var product = await db.Products.SingleAsync(p => p.Id == 7);
        Assert.Equal(("Product 0007", 275L, 2), (product.Name, product.PriceCents, product.CategoryId));
        Assert.Equal([1, 2, 3], legacy.RequestedPages);
    }

    [Fact]
    public async Task Running_again_upserts_without_duplicates_and_takes_changes()
    {
        var legacy = FakeLegacyCatalog.WithProducts(25);
        await RunAsync(legacy);
        legacy.Products[4] = legacy.Products[4] with { Name = "Renamed", Price = 12.34m };
        legacy.Categories[0] = legacy.Categories[0] with { Name = "Novels" };

        await RunAsync(legacy);

        await using var db = await OpenAsync();
        Assert.Equal(25, await db.Products.CountAsync());
        Assert.Equal(2, await db.Categories.CountAsync());
        var product = await db.Products.SingleAsync(p => p.Id == 5);
        Assert.Equal(("Renamed", 1234L), (product.Name, product.PriceCents));
        Assert.Equal("Novels", (await db.Categories.SingleAsync(c => c.Id == 1)).Name);
    }

    [Fact]
    public async Task Copying_a_page_again_repairs_a_drifted_copy_of_the_same_version_and_leaves_one_row_per_product()
    {
        var legacy = FakeLegacyCatalog.WithProducts(3);
        var categories = legacy.Categories.Select(c => new CategorySnapshot(c.Id, 1, DateTimeOffset.UnixEpoch, c.Slug, c.Name)).ToList();
        var products = legacy.Products.Select(p => new ProductSnapshot(
            p.Id, 1, DateTimeOffset.UnixEpoch, false, p.Name, p.Description, Money.ToCents(p.Price), p.CategoryId)).ToList();
        await using (var db = await OpenAsync())
        {
            var backfill = Create(legacy, db);
            await backfill.CopyCategoriesAsync(categories, CancellationToken.None);
            await backfill.CopyProductsAsync(products, 0, int.MaxValue, DateTimeOffset.UtcNow, CancellationToken.None);
            await db.SaveChangesAsync();
            // Behind the sync's back, as verify would find it.
            await db.Products.Where(p => p.Id == 2).ExecuteUpdateAsync(s => s.SetProperty(p => p.PriceCents, 1));
            db.ChangeTracker.Clear();
            await backfill.CopyProductsAsync(products, 0, int.MaxValue, DateTimeOffset.UtcNow, CancellationToken.None);
            await db.SaveChangesAsync();
        }

        await using var check = await OpenAsync();
        Assert.Equal([1, 2, 3], await check.Products.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync());
        Assert.Equal(products[1].PriceCents, (await check.Products.SingleAsync(p => p.Id == 2)).PriceCents);
    }

    [Fact]
    public async Task A_failed_run_resumes_after_the_last_completed_page()
    {
        var legacy = FakeLegacyCatalog.WithProducts(45);
        legacy.FailingPage = 3;

        await Assert.ThrowsAsync<ApiException>(() => RunAsync(legacy));
        await using (var db = await OpenAsync())
        {
            var checkpoint = await db.BackfillCheckpoints.SingleAsync();
            Assert.Equal((2, false, 20), (checkpoint.LastCompletedPage, checkpoint.Completed, checkpoint.ItemsCopied));
            Assert.Equal(20, await db.Products.CountAsync());
        }

        legacy.FailingPage = null;
        legacy.RequestedPages.Clear();
        await RunAsync(legacy);

        Assert.Equal([3, 4, 5], legacy.RequestedPages);
        await using var after = await OpenAsync();
        Assert.Equal(45, await after.Products.CountAsync());
        var done = await after.BackfillCheckpoints.SingleAsync();
        Assert.Equal((5, true, 45), (done.LastCompletedPage, done.Completed, done.ItemsCopied));
    }

    [Fact]
    public async Task A_run_after_completion_starts_over_from_the_first_page()
    {
        var legacy = FakeLegacyCatalog.WithProducts(15);
        await RunAsync(legacy);
        legacy.RequestedPages.Clear();

        await RunAsync(legacy);

        Assert.Equal([1, 2], legacy.RequestedPages);
    }

    [Fact]
    public async Task Reports_pages_and_items_as_it_goes()
    {
        var legacy = FakeLegacyCatalog.WithProducts(21);
        Assert.True(_progress.TryStart(out _));

        await RunAsync(legacy);

        var progress = _progress.Current;
        Assert.Equal((BackfillProgressDto.Running, 3, 3, 21, 21),
            (progress.Status, progress.PagesDone, progress.TotalPages, progress.ItemsCopied, progress.TotalItems));
    }

    [Fact]
    public async Task An_empty_monolith_completes_after_one_page()
    {
        var legacy = FakeLegacyCatalog.WithProducts(0);

        await RunAsync(legacy);

        Assert.Equal([1], legacy.RequestedPages);
        await using var db = await OpenAsync();
        Assert.True((await db.BackfillCheckpoints.SingleAsync()).Completed);
    }

    private async Task RunAsync(FakeLegacyCatalog legacy)
    {
        await using var db = await OpenAsync();
        await Create(legacy, db).RunAsync(CancellationToken.None);
    }

    private CatalogBackfill Create(FakeLegacyCatalog legacy, CatalogDbContext db)
    {
        var api = RestService.ForGenerated<ILegacyCatalogApi>(
            new HttpClient(legacy, disposeHandler: false) { BaseAddress = new Uri("http://legacy.test") },
            RefitSettings.ForJsonContext(LegacyCatalogJsonContext.Default));
        return new CatalogBackfill(api, db, new CatalogReplica(db, new EventLedger(TimeProvider.System)), _progress, Options.Create(new LegacyOptions { PageSize = PageSize }),
            TimeProvider.System, NullLogger<CatalogBackfill>.Instance);
    }

    private async Task<CatalogDbContext> OpenAsync()
    {
        var options = new DbContextOptionsBuilder<CatalogDbContext>().UseSqlite($"Data Source={_folder.File("catalog.db")}").Options;
        var db = new CatalogDbContext(options);
        await db.Database.MigrateAsync();
        return db;
    }

    public void Dispose() => _folder.Dispose();
}
