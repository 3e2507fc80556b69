using Catalog.Service.Data;
using Microsoft.EntityFrameworkCore;
using Migration.Messaging.Applied;
using Migration.Messaging.Events;

namespace Catalog.Service.Sync;

/// <summary>
/// Writes the monolith's catalog into this service's database, from events and from the backfill alike. The ledger
/// decides (newest version wins), and the row and the ledger entry are saved together.
/// </summary>
public sealed class CatalogReplica
{
    private readonly CatalogDbContext _db;
    private readonly EventLedger _ledger;

    internal CatalogReplica(CatalogDbContext db, EventLedger ledger)
    {
        _db = db;
        _ledger = ledger;
    }

    /// <summary>Applies a product event: its state, or a removal when <paramref name="state"/> is null.</summary>
    public Task<LedgerVerdict> ApplyProductAsync(IIntegrationEvent @event, ProductState? state, CancellationToken cancellationToken) =>
        _ledger.ApplyAsync(_db, @event, EventOrigin.Catalog, () => WriteProductAsync(@event.AggregateId, state, cancellationToken), cancellationToken);

    public Task<LedgerVerdict> ApplyCategoryAsync(CategoryChanged @event, CancellationToken cancellationToken) =>
        _ledger.ApplyAsync(_db, @event, EventOrigin.Catalog, async () =>
            WriteCategory(await _db.Categories.FindAsync([@event.CategoryId], cancellationToken), @event.CategoryId, @event.Slug, @event.Name),
            cancellationToken);

    /// <summary>
    /// Writes a copied product unless an event already brought this version or a newer one (the caller saves). This is
    /// what lets a backfill and the event stream run at the same time: versions decide, not arrival order.
    /// </summary>
    internal async Task<bool> OfferSnapshotAsync(
        int id, long version, DateTimeOffset changedAt, ProductState? state, CancellationToken cancellationToken)
    {
        if (!await _ledger.OfferSnapshotAsync(_db, Streams.Product, id, version, changedAt, cancellationToken))
        {
            return false;
        }
        await WriteProductAsync(id, state, cancellationToken);
        return true;
    }

    internal async Task<bool> OfferCategorySnapshotAsync(
        int id, long version, DateTimeOffset changedAt, string slug, string name, CancellationToken cancellationToken)
    {
        if (!await _ledger.OfferSnapshotAsync(_db, Streams.Category, id, version, changedAt, cancellationToken))
        {
            return false;
        }
        WriteCategory(await _db.Categories.FindAsync([id], cancellationToken), id, slug, name);
        return true;
    }

    private async Task WriteProductAsync(int id, ProductState? state, CancellationToken cancellationToken)
    {
        var product = await _db.Products.FindAsync([id], cancellationToken);
        if (state is null)
        {
            // The ledger keeps the deletion's version, so an older event arriving late cannot bring the product back.
            if (product is not null)
            {
                _db.Products.Remove(product);
            }
            return;
        }
        if (await _db.Categories.FindAsync([state.CategoryId], cancellationToken) is null)
        {
            throw new NotYetApplicableException($"Category {state.CategoryId} of product {id} is not in this service yet (no backfill?).");
        }
        if (product is null)
        {
            product = new Product { Id = id, Name = state.Name, Description = state.Description };
            _db.Products.Add(product);
        }
        product.Name = state.Name;
        product.Description = state.Description;
        product.PriceCents = state.PriceCents;
        product.CategoryId = state.CategoryId;
    }

    private void WriteCategory(Category? category, int id, string slug, string name)
    {
        if (category is null)
        {
            _db.Categories.Add(new Category { Id = id, Slug = slug, Name = name });
            return;
        }
        category.Slug = slug;
        category.Name = name;
    }
}
