using Legacy.Store.Data;
using Microsoft.EntityFrameworkCore;
using Wolverine.EntityFrameworkCore;

namespace Legacy.Store.Catalog;

internal abstract record CatalogWrite
{
    public sealed record Done(Product Product) : CatalogWrite;
    public sealed record NotFound : CatalogWrite;
    public sealed record Invalid(Dictionary<string, string[]> Errors) : CatalogWrite;

    /// <summary>Someone else changed the product between our read and our write (its version moved).</summary>
    public sealed record Conflict : CatalogWrite;
}

/// <summary>
/// Staff catalog writes. This is the monolith's whole seam for the migration: every change publishes its event
/// through the transactional outbox, so the row and the event commit together or not at all.
/// </summary>
internal sealed class CatalogWriter(IDbContextOutbox<StoreDbContext> outbox, TimeProvider clock, ILogger<CatalogWriter> logger)
{
    private StoreDbContext Db => outbox.DbContext;

    public async Task<CatalogWrite> CreateAsync(ProductInput input, CancellationToken cancellationToken)
    {
        if (await InvalidAsync(input, cancellationToken) is { } invalid)
        {
            return invalid;
        }
        var category = await Db.Categories.SingleAsync(c => c.Id == input.CategoryId, cancellationToken);
        var product = new Product
        {
            Sku = $"{category.Slug[..Math.Min(3, category.Slug.Length)].ToUpperInvariant()}-{Guid.NewGuid().ToString("N")[..12].ToUpperInvariant()}",
            Name = input.Name!,
            Description = input.Description!,
            PriceCents = input.PriceCents,
            CategoryId = category.Id,
            ChangedAt = Now(),
        };
        Db.Products.Add(product);
        // The id exists only after the insert, so the row goes first inside a transaction; the outbox then stores
        // the event in that same transaction and commits it (SaveChangesAndFlushMessagesAsync commits an open one).
        await using var transaction = await Db.Database.BeginTransactionAsync(cancellationToken);
        await Db.SaveChangesAsync(cancellationToken);
        Db.Stock.Add(new Inventory.StockItem { ProductId = product.Id });
        await outbox.PublishAsync(CatalogEvents.Created(product));
        await outbox.SaveChangesAndFlushMessagesAsync(cancellationToken);
        logger.LogInformation("Product {ProductId} created", product.Id);
        return new CatalogWrite.Done(product);
    }

    public async Task<CatalogWrite> UpdateAsync(int id, ProductInput input, CancellationToken cancellationToken)
    {
        if (await InvalidAsync(input, cancellationToken) is { } invalid)
        {
            return invalid;
        }
        return await ChangeAsync(id, product =>
        {
            var priceBefore = product.PriceCents;
            product.Name = input.Name!;
            product.Description = input.Description!;
            product.CategoryId = input.CategoryId!.Value;
            product.PriceCents = input.PriceCents;
            return priceBefore == product.PriceCents ? CatalogEvents.Changed(product) : CatalogEvents.PriceChanged(product, priceBefore);
        }, cancellationToken);
    }

    public Task<CatalogWrite> ChangePriceAsync(int id, long cents, CancellationToken cancellationToken) =>
        ChangeAsync(id, product =>
        {
            var before = product.PriceCents;
            product.PriceCents = cents;
            return CatalogEvents.PriceChanged(product, before);
        }, cancellationToken);

    public Task<CatalogWrite> DeleteAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(id, product =>
        {
            product.IsDeleted = true;
            return CatalogEvents.Deleted(product);
        }, cancellationToken);

    /// <summary>Applies a change at the next version and publishes the event <paramref name="change"/> returns.</summary>
    private async Task<CatalogWrite> ChangeAsync(int id, Func<Product, object> change, CancellationToken cancellationToken)
    {
        var product = await Db.Products.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (product is null)
        {
            return new CatalogWrite.NotFound();
        }
        product.Version++;
        product.ChangedAt = Now();
        await outbox.PublishAsync(change(product));
        try
        {
            await outbox.SaveChangesAndFlushMessagesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new CatalogWrite.Conflict();
        }
        logger.LogInformation("Product {ProductId} changed to version {Version}", id, product.Version);
        return new CatalogWrite.Done(product);
    }

    private async Task<CatalogWrite.Invalid?> InvalidAsync(ProductInput input, CancellationToken cancellationToken)
    {
        if (input.Validate() is { } errors)
        {
            return new CatalogWrite.Invalid(errors);
        }
        return await Db.Categories.AnyAsync(c => c.Id == input.CategoryId, cancellationToken)
            ? null
            : new CatalogWrite.Invalid(new() { ["categoryId"] = [$"category {input.CategoryId} does not exist."] });
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
