using Catalog.Service.Data;
using Catalog.Service.Sync;
using Catalog.Service.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Migration.Messaging.Applied;
using Migration.Messaging.Events;

namespace Catalog.Service.Tests.Sync;

public sealed class CatalogReplicaTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new();

    public async Task InitializeAsync()
    {
        await using var db = Open();
        await db.Database.MigrateAsync();
        db.Categories.AddRange(new Category { Id = 1, Slug = "books", Name = "Books" }, new Category { Id = 2, Slug = "toys", Name = "Toys" });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_created_product_is_applied_once_however_often_it_arrives()
    {
        var created = Created(7, 1, "Kite", 1999);

        var verdicts = new[] { await ApplyAsync(created), await ApplyAsync(created), await ApplyAsync(created with { EventId = Guid.NewGuid() }) };

        Assert.Equal([LedgerVerdict.Apply, LedgerVerdict.AlreadyApplied, LedgerVerdict.AlreadyApplied], verdicts);
        Assert.Equal(("Kite", 1999L), await ProductAsync(7));
        await using var db = Open();
        var applied = await db.Set<AppliedEvent>().SingleAsync();
        Assert.Equal((Streams.Product, 7, 1L, created.EventId), (applied.Stream, applied.AggregateId, applied.Version, applied.EventId));
    }

    [Fact]
    public async Task An_older_version_never_overwrites_a_newer_one()
    {
        await ApplyAsync(Created(8, 1, "Ball", 500));
        var v3 = new PriceChanged(Guid.NewGuid(), 8, 3, At, EventOrigin.Monolith, 600, new ProductState("Ball", "", 700, 2));
        var v2 = new ProductChanged(Guid.NewGuid(), 8, 2, At, EventOrigin.Monolith, new ProductState("Old ball", "", 600, 2));

        Assert.Equal(LedgerVerdict.Apply, await ApplyAsync(v3));
        Assert.Equal(LedgerVerdict.AlreadyApplied, await ApplyAsync(v2));

        Assert.Equal(("Ball", 700L), await ProductAsync(8));
    }

    [Fact]
    public async Task A_delete_removes_the_product_and_a_late_older_event_cannot_bring_it_back()
    {
        await ApplyAsync(Created(9, 1, "Top", 300));

        await ApplyAsync(new ProductDeleted(Guid.NewGuid(), 9, 3, At, EventOrigin.Monolith));
        var late = await ApplyAsync(new ProductChanged(Guid.NewGuid(), 9, 2, At, EventOrigin.Monolith, new ProductState("Top", "", 300, 2)));

        Assert.Equal(LedgerVerdict.AlreadyApplied, late);
        Assert.Null(await ProductAsync(9));
    }

    [Fact]
    public async Task The_service_never_applies_its_own_events_back()
    {
        var echo = Created(10, 1, "Yo-yo", 250) with { Origin = EventOrigin.Catalog };

        Assert.Equal(LedgerVerdict.OwnEcho, await ApplyAsync(echo));
        Assert.Null(await ProductAsync(10));
    }

    [Fact]
    public async Task A_backfilled_copy_is_written_only_when_it_is_newer_than_what_events_brought()
    {
        await ApplyAsync(Created(11, 4, "Puzzle", 1200));
        await using (var db = Open())
        {
            var replica = new CatalogReplica(db, new EventLedger(TimeProvider.System));
            Assert.False(await replica.OfferSnapshotAsync(11, 3, At, new ProductState("Stale puzzle", "", 900, 2), CancellationToken.None));
            Assert.True(await replica.OfferSnapshotAsync(12, 1, At, new ProductState("Dice", "", 100, 2), CancellationToken.None));
            await db.SaveChangesAsync();
        }

        Assert.Equal(("Puzzle", 1200L), await ProductAsync(11));
        Assert.Equal(("Dice", 100L), await ProductAsync(12));
    }

    [Fact]
    public async Task Category_changes_apply_by_version_too()
    {
        await ApplyCategoryAsync(new CategoryChanged(Guid.NewGuid(), 2, 5, At, EventOrigin.Monolith, "games", "Games"));
        await ApplyCategoryAsync(new CategoryChanged(Guid.NewGuid(), 2, 4, At, EventOrigin.Monolith, "toys", "Toys again"));

        await using var db = Open();
        var category = await db.Categories.SingleAsync(c => c.Id == 2);
        Assert.Equal(("games", "Games"), (category.Slug, category.Name));
    }

    private static ProductCreated Created(int id, long version, string name, long cents) =>
        new(Guid.NewGuid(), id, version, At, EventOrigin.Monolith, new ProductState(name, $"{name}.", cents, 2));

    // Through the handler Wolverine calls, so its mapping of each event to a state (a delete to none) is what is tested.
    private async Task<LedgerVerdict> ApplyAsync(IIntegrationEvent @event)
    {
        await using var db = Open();
        var ledger = new EventLedger(TimeProvider.System);
        var replica = new CatalogReplica(db, ledger);
        await (@event switch
        {
            ProductCreated e => CatalogEventsHandler.Handle(e, replica, CancellationToken.None),
            ProductChanged e => CatalogEventsHandler.Handle(e, replica, CancellationToken.None),
            PriceChanged e => CatalogEventsHandler.Handle(e, replica, CancellationToken.None),
            ProductDeleted e => CatalogEventsHandler.Handle(e, replica, CancellationToken.None),
            _ => throw new ArgumentException($"not a product event: {@event.GetType().Name}"),
        });
        var counts = ledger.Counts;
        return counts.Applied == 1 ? LedgerVerdict.Apply : counts.AlreadyApplied == 1 ? LedgerVerdict.AlreadyApplied : LedgerVerdict.OwnEcho;
    }

    private async Task ApplyCategoryAsync(CategoryChanged @event)
    {
        await using var db = Open();
        await CatalogEventsHandler.Handle(@event, new CatalogReplica(db, new EventLedger(TimeProvider.System)), CancellationToken.None);
    }

    private async Task<(string, long)?> ProductAsync(int id)
    {
        await using var db = Open();
        return await db.Products.Where(p => p.Id == id).Select(p => new { p.Name, p.PriceCents }).SingleOrDefaultAsync() is { } p
            ? (p.Name, p.PriceCents)
            : null;
    }

    private CatalogDbContext Open() =>
        new(new DbContextOptionsBuilder<CatalogDbContext>().UseSqlite($"Data Source={_folder.File("catalog.db")}").Options);

    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }
}
