namespace Legacy.Store.Catalog;

internal sealed class Product
{
    public int Id { get; set; }
    public required string Sku { get; set; }
    public required string Name { get; set; }
    public required string Description { get; set; }

    /// <summary>Integer cents, never a floating amount (see <see cref="Contracts.Money"/>).</summary>
    public long PriceCents { get; set; }

    public int CategoryId { get; set; }
    public Category? Category { get; set; }
}
