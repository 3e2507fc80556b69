namespace Legacy.Store.Catalog;

internal sealed class Product : Sync.IVersionedRow
{
    public int Id { get; set; }
    public required string Sku { get; set; }
    public required string Name { get; set; }
    public required string Description { get; set; }

    /// <summary>Integer cents, never a floating amount (see <see cref="Contracts.Money"/>).</summary>
    public long PriceCents { get; set; }

    public int CategoryId { get; set; }
    public Category? Category { get; set; }

    /// <summary>
    /// 1 when created, one more on every change (a concurrency token too): the version integration events carry, so a
    /// consumer never applies an older state over a newer one.
    /// </summary>
    public long Version { get; set; } = 1;

    /// <summary>UTC time of the last change; what replication lag is measured against.</summary>
    public DateTime ChangedAt { get; set; }

    /// <summary>
    /// Deleted products stay as rows (order lines still point at them) but answer 404 everywhere: a query filter
    /// hides them.
    /// </summary>
    public bool IsDeleted { get; set; }
}
