namespace Legacy.Store.Catalog;

internal sealed class Category : Sync.IVersionedRow
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public List<Product> Products { get; } = [];

    /// <summary>Per-category version for <c>CategoryChanged</c>, as on <see cref="Product.Version"/>.</summary>
    public long Version { get; set; } = 1;

    public DateTime ChangedAt { get; set; }
}
